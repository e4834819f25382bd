package org.passerelle.channels.inbox;

import java.util.Locale;
import java.util.Set;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.YouthIdentities;
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
    /** WhatsApp: the customer service window is closed, only a template may be sent. */
    static final int RE_ENGAGEMENT_REQUIRED = 131047;

    private final JourneyGateway gateway;
    private final ConversationMessageRepository messages;
    private final YouthIdentities identities;
    private final org.passerelle.channels.OutboundMessages outbound;

    public InboundMessages(JourneyGateway gateway, ConversationMessageRepository messages, YouthIdentities identities,
            org.passerelle.channels.OutboundMessages outbound) {
        this.gateway = gateway;
        this.messages = messages;
        this.identities = identities;
        this.outbound = outbound;
    }

    @Transactional
    public void receive(String channel, InboundEvent.YouthMessage message) {
        String keyword = message.text().trim().toLowerCase(Locale.FRENCH).replaceAll("[.!\\s]+$", "");
        String externalId = identities.resolve(channel, message.externalId(), message.identifiers());
        var latest = gateway.latestJourney(channel, externalId);
        if (latest.isEmpty()) {
            if (!STOP_WORDS.contains(keyword)) {
                gateway.startFromFirstContact(new FirstContact(channel, externalId, message.firstName(),
                        message.campaign(), message.text()).sentAt(message.sentAt()));
            }
            return;
        }
        Journey journey = latest.get();
        boolean open = journey.getStatus() == Journey.Status.OPEN;
        if (STOP_WORDS.contains(keyword)) {
            if (open) {
                gateway.youthWrote(journey.getId(), message.text(), message.sentAt());
                gateway.youthOptedOut(journey.getId());
            }
        } else if (open) {
            gateway.youthWrote(journey.getId(), message.text(), message.sentAt());
        } else {
            // START after a STOP, or any message after a closed journey: a new journey begins.
            gateway.youthReturns(journey.getYouth().getId(), message.text());
        }
    }

    /** A new phone number or user id: linked to the youth the previous one names (nothing happens for a stranger). */
    @Transactional
    public void identifierChanged(String channel, InboundEvent.IdentifierChanged change) {
        identities.identifierChanged(channel, change.previous(), change.added());
    }

    /** The platform's own STOP: like the word, without a message in the conversation. RESUME waits for the youth to write. */
    @Transactional
    public void optOutSignal(String channel, InboundEvent.OptOutSignal signal) {
        var latest = gateway.latestJourney(channel, identities.resolve(channel, signal.externalId(), java.util.List.of()));
        if (signal.stop()) {
            latest.filter(j -> j.getStatus() == Journey.Status.OPEN).ifPresent(j -> gateway.youthOptedOut(j.getId()));
        } else {
            latest.ifPresent(j -> gateway.youthResumed(j.getYouth().getId()));
        }
    }

    /**
     * A status of a message we sent. WhatsApp refusing a free text because the 24-hour window closed meanwhile
     * (131047) gets the approved template instead, once; any other failure shows in the conversation the
     * mediator reads and gives the mediator a task to reach the youth another way.
     */
    @Transactional
    public void status(InboundEvent.DeliveryStatus status) {
        messages.findByProviderMessageId(status.providerMessageId()).ifPresent(message -> {
            boolean firstFailure = "failed".equals(status.status()) && !"failed".equals(message.getDeliveryStatus());
            message.deliveryStatus(status.status());
            if (firstFailure && Integer.valueOf(RE_ENGAGEMENT_REQUIRED).equals(status.errorCode())) {
                outbound.resendOutsideWindow(message);
            } else if (firstFailure && message.getJourneyId() != null) {
                gateway.messageUndelivered(message.getJourneyId(), message.getBody(), UndeliveredReasons.of(status.errorCode()));
            }
        });
    }
}
