package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For channels without a connected platform (phone, walk-in, site, or a platform whose token is not
 * configured): the message is recorded as sent. The log names ids, never the text or the recipient.
 */
public class LoggingChannelSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingChannelSender.class);

    private final Clock clock;

    public LoggingChannelSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return true;
    }

    @Override
    public void deliver(ConversationMessage message, OutboundContext context) {
        message.markSent(clock.instant());
        log.info("Outbound message {} ({}) for journey {} recorded on channel {}", message.getId(), message.getKind(),
                message.getJourneyId(), message.getChannel());
    }
}
