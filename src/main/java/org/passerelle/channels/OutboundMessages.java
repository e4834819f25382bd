package org.passerelle.channels;

import java.time.Clock;
import org.passerelle.journey.Journey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a message reaches a youth: stored in the outbox within the process step's
 * transaction, then delivered. A delivery failure rolls the step back and the engine retries it.
 */
@Service
public class OutboundMessages {

    private final ConversationMessageRepository messages;
    private final ChannelSender sender;
    private final Clock clock;

    public OutboundMessages(ConversationMessageRepository messages, ChannelSender sender, Clock clock) {
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
    }

    @Transactional
    public ConversationMessage send(Journey journey, ConversationMessage.Kind kind, String text) {
        var youth = journey.getYouth();
        ConversationMessage message = messages.save(
                ConversationMessage.outbound(journey.getId(), kind, youth.getChannel(), text, clock.instant()));
        sender.deliver(message, youth.getExternalId());
        return message;
    }
}
