package org.passerelle.channels.inbox;

import java.util.List;

/** What one webhook delivery tells us, event by event. */
public sealed interface InboundEvent {

    /** The platform's own id of the event: processing is idempotent on it. */
    String eventId();

    /** A youth wrote (text, a button, a media or location reference, or a type we do not know yet). */
    record YouthMessage(String eventId, String externalId, String firstName, String text, String campaign,
            List<String> identifiers, java.time.Instant sentAt) implements InboundEvent {

        /** A platform that names a person by one identifier only and gives no time of its own. */
        public YouthMessage(String eventId, String externalId, String firstName, String text, String campaign) {
            this(eventId, externalId, firstName, text, campaign, List.of(), null);
        }
    }

    /** A person's identifier changed (WhatsApp: new phone number, new business-scoped user id). */
    record IdentifierChanged(String eventId, List<String> previous, List<String> added) implements InboundEvent {
    }

    /** What happened to a message we sent: sent, delivered, read, failed. */
    record DeliveryStatus(String eventId, String providerMessageId, String status, Integer errorCode) implements InboundEvent {

        public DeliveryStatus(String eventId, String providerMessageId, String status) {
            this(eventId, providerMessageId, status, null);
        }
    }

    /** The platform's own opt-out or resume signal (e.g. WhatsApp's user_preferences "stop"/"resume"). */
    record OptOutSignal(String eventId, String externalId, boolean stop) implements InboundEvent {
    }

    /** A youth filled an ad's lead form; its answers are fetched from the Graph API. */
    record LeadSubmitted(String eventId, String leadgenId, String formId, String adId) implements InboundEvent {
    }
}
