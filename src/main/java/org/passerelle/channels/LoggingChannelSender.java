package org.passerelle.channels;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Until the messaging platforms are connected, outbound messages are only recorded as sent.
 * The log names ids, never the text or the recipient.
 */
@Component
@ConditionalOnMissingBean(value = ChannelSender.class, ignored = LoggingChannelSender.class)
public class LoggingChannelSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingChannelSender.class);

    private final Clock clock;

    public LoggingChannelSender(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deliver(ConversationMessage message, String recipientExternalId) {
        message.markSent(clock.instant());
        log.info("Outbound message {} ({}) for journey {} recorded on channel {}", message.getId(), message.getKind(),
                message.getJourneyId(), message.getChannel());
    }
}
