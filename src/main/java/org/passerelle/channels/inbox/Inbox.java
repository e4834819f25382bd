package org.passerelle.channels.inbox;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a delivery with one insert before the webhook answers 200; once that is committed, an intake job is
 * requested to apply it (see {@link IntakeTrigger}, {@link IntakeBatches}).
 */
@Service
public class Inbox {

    private final InboxDeliveryRepository deliveries;
    private final IntakeTrigger trigger;
    private final Clock clock;

    public Inbox(InboxDeliveryRepository deliveries, IntakeTrigger trigger, Clock clock) {
        this.deliveries = deliveries;
        this.trigger = trigger;
        this.clock = clock;
    }

    @Transactional
    public Long accept(Platform platform, String body) {
        InboxDelivery delivery = deliveries.save(InboxDelivery.received(platform, body, clock.instant()));
        // Requested after the commit: a job started earlier might not see the row yet.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                trigger.requestIntake();
            }
        });
        return delivery.getId();
    }

    @Transactional
    public void ignore(Platform platform, String why) {
        deliveries.save(InboxDelivery.ignored(platform, why, clock.instant()));
    }
}
