package org.passerelle.channels.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A programme site's form or chatbot message: {"messageId", "sessionId", "firstName", "message", "campaign"}. */
final class WebForm {

    private WebForm() {
    }

    static boolean isValid(JsonNode body) {
        return text(body, "messageId") != null && text(body, "sessionId") != null && text(body, "message") != null
                && body.path("message").asText().length() <= 4000 && body.path("sessionId").asText().length() <= 160;
    }

    static InboundEvent.YouthMessage event(JsonNode body) {
        return new InboundEvent.YouthMessage(text(body, "messageId"), text(body, "sessionId"), text(body, "firstName"),
                text(body, "message"), text(body, "campaign"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
