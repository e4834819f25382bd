package org.passerelle.channels.inbox;

import java.util.Locale;
import java.util.Set;
import org.passerelle.channels.ConversationMessageRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a youth's message does: open a journey, join the conversation, stop or resume everything. */
@Service
public class InboundMessages {

    static final Set<String> STOP_WORDS = Set.of("stop", "arret", "arrêt", "stopper", "desabonner", "désabonner");
    static final Set<String> START_WORDS = Set.of("start", "reprendre");

    private final JourneyGateway gateway;
    private final ConversationMessageRepository messages;

    public InboundMessages(JourneyGateway gateway, ConversationMessageRepository messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    @Transactional
    public void receive(String channel, InboundEvent.YouthMessage message) {
        String keyword = message.text().trim().toLowerCase(Locale.FRENCH).replaceAll("[.!\\s]+$", "");
        var latest = gateway.latestJourney(channel, message.externalId());
        if (latest.isEmpty()) {
            if (!STOP_WORDS.contains(keyword)) {
                gateway.startFromFirstContact(new FirstContact(channel, message.externalId(), message.firstName(),
                        message.campaign(), message.text()));
            }
            return;
        }
        Journey journey = latest.get();
        boolean open = journey.getStatus() == Journey.Status.OPEN;
        if (STOP_WORDS.contains(keyword)) {
            if (open) {
                gateway.youthWrote(journey.getId(), message.text());
                gateway.youthOptedOut(journey.getId());
            }
        } else if (open) {
            gateway.youthWrote(journey.getId(), message.text());
        } else {
            // START after a STOP, or any message after a closed journey: a new journey begins.
            gateway.youthReturns(journey.getYouth().getId(), message.text());
        }
    }

    /** The platform's own STOP: like the word, without a message in the conversation. RESUME waits for the youth to write. */
    @Transactional
    public void optOutSignal(String channel, InboundEvent.OptOutSignal signal) {
        var latest = gateway.latestJourney(channel, signal.externalId());
        if (signal.stop()) {
            latest.filter(j -> j.getStatus() == Journey.Status.OPEN).ifPresent(j -> gateway.youthOptedOut(j.getId()));
        } else {
            latest.ifPresent(j -> gateway.youthResumed(j.getYouth().getId()));
        }
    }

    @Transactional
    public void status(InboundEvent.DeliveryStatus status) {
        messages.findByProviderMessageId(status.providerMessageId())
                .ifPresent(message -> message.deliveryStatus(status.status()));
    }
}
