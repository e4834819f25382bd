package org.passerelle.channels;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Picks the sender of a channel; channels without a connected platform are only recorded. */
@Component
public class ChannelRouter {

    private final List<ChannelSender> senders;
    private final LoggingChannelSender fallback;

    public ChannelRouter(List<ChannelSender> senders, Clock clock) {
        this.senders = senders;
        this.fallback = new LoggingChannelSender(clock);
    }

    public ChannelSender senderFor(String channel) {
        return senders.stream().filter(s -> s.handles(channel)).findFirst().orElse(fallback);
    }
}
