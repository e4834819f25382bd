package org.passerelle.channels.meta;

import org.passerelle.conversation.Template;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.passerelle.channels.ChannelSender;
import org.passerelle.channels.ChannelsProperties;
import org.passerelle.conversation.ConversationMessage;
import org.springframework.stereotype.Component;

/**
 * WhatsApp Cloud API: free text inside the 24-hour customer-service window, the programme's
 * approved template outside it (or when the platform answers 131047).
 */
@Component
public class WhatsAppSender implements ChannelSender {

    static final int RE_ENGAGEMENT_REQUIRED = 131047;
    private static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private final GraphApi graph;
    private final ChannelsProperties.Meta meta;
    private final Clock clock;
    private final SendRate rate = new SendRate(80);

    public WhatsAppSender(GraphApi graph, ChannelsProperties properties, Clock clock) {
        this.graph = graph;
        this.meta = properties.meta();
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return "whatsapp".equals(channel) && meta.whatsappToken() != null && !meta.whatsappToken().isBlank();
    }

    @Override
    public void deliver(ConversationMessage message, OutboundContext context) {
        boolean insideWindow = context.lastInboundAt() != null
                && context.lastInboundAt().isAfter(clock.instant().minus(SERVICE_WINDOW));
        GraphApi.Answer answer = insideWindow ? send(message.quickReplies().isEmpty() ? text(context, message.getBody())
                : buttons(context, message.getBody(), message.quickReplies())) : null;
        if (answer == null || (!answer.ok() && answer.errorCode() == RE_ENGAGEMENT_REQUIRED)) {
            answer = send(template(context, message.template()));
        }
        if (!answer.ok()) {
            throw new DeliveryFailedException("WhatsApp refused message " + message.getId() + ": HTTP " + answer.status()
                    + " code " + answer.errorCode());
        }
        message.markSent(clock.instant(), answer.body().path("messages").path(0).path("id").asText(null));
    }

    private GraphApi.Answer send(Map<String, Object> payload) {
        rate.acquire();
        return graph.post(meta.whatsappPhoneNumberId() + "/messages", meta.whatsappToken(), payload);
    }

    private static Map<String, Object> text(OutboundContext context, String body) {
        return Map.of("messaging_product", "whatsapp", "recipient_type", "individual", recipientField(context),
                context.recipientExternalId(), "type", "text", "text", Map.of("preview_url", false, "body", body));
    }

    /**
     * Reply buttons (up to three) or a list (up to ten): the youth taps one and its title comes back as an ordinary
     * reply.
     */
    private static Map<String, Object> buttons(OutboundContext context, String body, List<String> replies) {
        List<Map<String, Object>> choices = new java.util.ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Map<String, Object> choice = Map.of("id", "reponse-" + (i + 1), "title", replies.get(i));
            choices.add(replies.size() <= 3 ? Map.of("type", "reply", "reply", choice) : choice);
        }
        Map<String, Object> interactive = replies.size() <= 3
                ? Map.of("type", "button", "body", Map.of("text", body), "action", Map.of("buttons", choices))
                : Map.of("type", "list", "body", Map.of("text", body), "action", Map.of("button", "Choisir",
                        "sections", List.of(Map.of("title", "Réponses", "rows", choices))));
        return Map.of("messaging_product", "whatsapp", "recipient_type", "individual", recipientField(context),
                context.recipientExternalId(), "type", "interactive", "interactive", interactive);
    }

    /** The message's own approved template (an appointment keeps its date and place); the nudge one otherwise. */
    private Map<String, Object> template(OutboundContext context, Template template) {
        Template used = template == null ? Template.nudge(context.firstName()) : template;
        return Map.of("messaging_product", "whatsapp", "recipient_type", "individual", recipientField(context),
                context.recipientExternalId(), "type", "template", "template", Map.of("name", meta.templateFor(used.purpose()),
                        "language", Map.of("code", "fr"), "components", List.of(Map.of("type", "body",
                                "parameters", used.parameters().stream().map(p -> Map.of("type", "text", "text", p)).toList()))));
    }

    /** Phone numbers go in "to"; a youth known only by username has a business-scoped id instead. */
    private static String recipientField(OutboundContext context) {
        return context.recipientExternalId().chars().allMatch(Character::isDigit) ? "to" : "recipient";
    }
}
