package org.passerelle.channels.meta;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.passerelle.channels.ChannelSender;
import org.passerelle.channels.ChannelsProperties;
import org.passerelle.conversation.ConversationMessage;
import org.springframework.stereotype.Component;

/**
 * Messenger Send API. Inside 24 hours after the youth's last message anything may be sent; after
 * that only a mediator's own answer (HUMAN_AGENT tag, 7 days), never an automated nudge.
 */
@Component
public class MessengerSender implements ChannelSender {

    private static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    private static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    private final GraphApi graph;
    private final ChannelsProperties.Meta meta;
    private final Clock clock;
    private final SendRate rate = new SendRate(40);

    public MessengerSender(GraphApi graph, ChannelsProperties properties, Clock clock) {
        this.graph = graph;
        this.meta = properties.meta();
        this.clock = clock;
    }

    /** Quick replies: the youth taps one and its title comes back as the reply's text. */
    private static Map<String, Object> withQuickReplies(ConversationMessage message) {
        if (message.quickReplies().isEmpty()) {
            return Map.of("text", message.getBody());
        }
        return Map.of("text", message.getBody(), "quick_replies", message.quickReplies().stream()
                .map(r -> Map.of("content_type", "text", "title", r, "payload", r)).toList());
    }

    @Override
    public boolean handles(String channel) {
        return "messenger".equals(channel) && meta.pageToken() != null && !meta.pageToken().isBlank();
    }

    @Override
    public void deliver(ConversationMessage message, OutboundContext context) {
        Duration silence = context.lastInboundAt() == null ? Duration.ofDays(3650)
                : Duration.between(context.lastInboundAt(), clock.instant());
        boolean automated = message.getKind() == ConversationMessage.Kind.NUDGE;
        Map<String, Object> payload;
        if (silence.compareTo(STANDARD_WINDOW) <= 0) {
            payload = Map.of("recipient", Map.of("id", context.recipientExternalId()), "messaging_type", "RESPONSE",
                    "message", withQuickReplies(message));
        } else if (!automated && silence.compareTo(HUMAN_AGENT_WINDOW) <= 0) {
            payload = Map.of("recipient", Map.of("id", context.recipientExternalId()), "messaging_type", "MESSAGE_TAG",
                    "tag", "HUMAN_AGENT", "message", Map.of("text", message.getBody()));
        } else {
            throw new NotDeliverableException("Messenger forbids this message " + silence.toHours() + " h after the youth's last one");
        }
        rate.acquire();
        GraphApi.Answer answer = graph.post("me/messages", meta.pageToken(), payload);
        if (!answer.ok()) {
            throw new DeliveryFailedException("Messenger refused message " + message.getId() + ": HTTP " + answer.status()
                    + " code " + answer.errorCode());
        }
        message.markSent(clock.instant(), answer.body().path("message_id").asText(null));
    }
}
