package org.passerelle.channels.inbox;

import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a delivery and schedules its processing in one transaction, before the webhook answers 200. */
@Service
public class Inbox {

    private final InboxDeliveryRepository deliveries;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public Inbox(InboxDeliveryRepository deliveries, RuntimeService runtimeService, Clock clock) {
        this.deliveries = deliveries;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional
    public Long accept(Platform platform, String body) {
        InboxDelivery delivery = deliveries.save(InboxDelivery.received(platform, body, clock.instant()));
        // The process starts with an asynchronous step: only its job is written here, the work runs after commit.
        runtimeService.startProcessInstanceByKey(WebhookDelivery.PROCESS_ID, "delivery-" + delivery.getId(),
                java.util.Map.of(WebhookDelivery.DELIVERY_ID, delivery.getId()));
        return delivery.getId();
    }

    @Transactional
    public void ignore(Platform platform, String why) {
        deliveries.save(InboxDelivery.ignored(platform, why, clock.instant()));
    }
}
