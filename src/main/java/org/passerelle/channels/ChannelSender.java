package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessage;

/** Delivers outbound messages on one kind of channel. */
public interface ChannelSender {

    boolean handles(String channel);

    /**
     * Delivers the message and marks it sent; throws {@link DeliveryFailedException} when the platform
     * refuses it for now (the engine retries), {@link NotDeliverableException} when its rules forbid it.
     */
    void deliver(ConversationMessage message, OutboundContext context);

    /** What a sender needs to know about the recipient and the conversation. */
    record OutboundContext(String recipientExternalId, String firstName, java.time.Instant lastInboundAt) {
    }

    /** A failure worth retrying: rate limit, platform error, network. */
    class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message) {
            super(message);
        }

        public DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The platform's rules forbid this message now (e.g. an automated nudge outside Messenger's 24 h). */
    class NotDeliverableException extends RuntimeException {
        public NotDeliverableException(String message) {
            super(message);
        }
    }
}
