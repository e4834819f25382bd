package org.passerelle.channels.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.channels.inbox.InboundEvent.DeliveryStatus;
import org.passerelle.channels.inbox.InboundEvent.IdentifierChanged;
import org.passerelle.channels.inbox.InboundEvent.LeadSubmitted;
import org.passerelle.channels.inbox.InboundEvent.OptOutSignal;
import org.passerelle.channels.inbox.InboundEvent.YouthMessage;
import org.springframework.stereotype.Component;

/**
 * Reads the published webhook shapes of the WhatsApp Cloud API ({@code whatsapp_business_account}),
 * the Messenger Platform and Lead Ads ({@code page}). Unknown message types are kept, not lost.
 */
@Component
public class MetaWebhookParser {

    public static final String WHATSAPP_OBJECT = "whatsapp_business_account";
    public static final String PAGE_OBJECT = "page";

    /** Events found, and how many parts were skipped (echoes, unknown fields). */
    public record Parsed(List<InboundEvent> events, int skipped) {
    }

    public boolean isKnownObject(Platform platform, JsonNode body) {
        String object = body.path("object").asText();
        return platform == Platform.WHATSAPP ? WHATSAPP_OBJECT.equals(object) : PAGE_OBJECT.equals(object);
    }

    public Parsed parse(Platform platform, JsonNode body) {
        List<InboundEvent> events = new ArrayList<>();
        int skipped = 0;
        for (JsonNode entry : body.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                switch (change.path("field").asText()) {
                    case "messages" -> skipped += whatsApp(change.path("value"), events);
                    case "user_id_update" -> skipped += userIdUpdates(change.path("value"), events);
                    case "leadgen" -> lead(change.path("value"), events);
                    case "user_preferences" -> preferences(change.path("value"), events);
                    default -> skipped++;
                }
            }
            for (JsonNode messaging : entry.path("messaging")) {
                if (!messenger(messaging, events)) {
                    skipped++;
                }
            }
        }
        return new Parsed(events, skipped);
    }

    /** WhatsApp messages and statuses; returns how many parts were skipped (group messages, unusable system messages). */
    private static int whatsApp(JsonNode value, List<InboundEvent> events) {
        int skipped = 0;
        JsonNode contacts = value.path("contacts");
        for (JsonNode message : value.path("messages")) {
            if (message.hasNonNull("group_id") || value.hasNonNull("group_id")) {
                skipped++; // a group conversation is not a youth writing to the programme
                continue;
            }
            if ("system".equals(message.path("type").asText())) {
                skipped += system(message, events) ? 0 : 1;
                continue;
            }
            JsonNode contact = contactOf(message, contacts);
            // A youth is named by the phone number when WhatsApp gives it, otherwise by the business-scoped user id
            // (usernames hide the number); every identifier seen is linked to the same youth.
            String externalId = firstText(message.path("from"), contact.path("wa_id"), message.path("from_user_id"),
                    contact.path("user_id"));
            if (externalId == null) {
                skipped++;
                continue;
            }
            String name = firstText(contact.path("profile").path("name"), contact.path("profile").path("username"));
            JsonNode referral = message.path("referral");
            String campaign = referral.hasNonNull("source_id") ? "ad:" + referral.path("source_id").asText() : null;
            events.add(new YouthMessage(message.path("id").asText(), externalId, firstNameOf(name), whatsAppText(message),
                    campaign, texts(message.path("from"), message.path("from_user_id"), message.path("from_parent_user_id"),
                            contact.path("wa_id"), contact.path("user_id"), contact.path("parent_user_id")),
                    epoch(message.path("timestamp"), false)));
        }
        for (JsonNode status : value.path("statuses")) {
            String id = status.path("id").asText();
            JsonNode error = status.path("errors").path(0).path("code");
            events.add(new DeliveryStatus(id + ":" + status.path("status").asText(), id, status.path("status").asText(),
                    error.canConvertToInt() ? error.asInt() : null));
        }
        return skipped;
    }

    /** The contact entry of this message's own sender: a batched delivery may hold several people. */
    private static JsonNode contactOf(JsonNode message, JsonNode contacts) {
        for (JsonNode contact : contacts) {
            if (sameText(contact.path("wa_id"), message.path("from")) || sameText(contact.path("user_id"), message.path("from_user_id"))) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.path(0) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** "User X changed from A to B": the new number (and user id) lead to the same youth. */
    private static boolean system(JsonNode message, List<InboundEvent> events) {
        JsonNode system = message.path("system");
        List<String> previous = texts(message.path("from"), message.path("from_user_id"));
        List<String> added = texts(system.path("wa_id"), system.path("user_id"), system.path("new_wa_id"));
        if (previous.isEmpty() || added.isEmpty()) {
            return false;
        }
        events.add(new IdentifierChanged(message.path("id").asText(String.join(":", previous) + ":" + String.join(":", added)),
                previous, added));
        return true;
    }

    /** WhatsApp's user id updates: the previous business-scoped id (or the phone) leads to the new one. */
    private static int userIdUpdates(JsonNode value, List<InboundEvent> events) {
        JsonNode updates = value.path("user_id_update").isArray() ? value.path("user_id_update") : value.path("user_id_updates");
        int skipped = 0;
        for (JsonNode update : updates.isArray() ? updates : List.of(value)) {
            JsonNode userId = update.path("user_id");
            List<String> previous = texts(update.path("wa_id"), userId.path("previous"), update.path("previous_user_id"),
                    update.path("old_user_id"));
            List<String> added = texts(userId.path("current"), update.path("current_user_id"), update.path("new_user_id"));
            if (previous.isEmpty() || added.isEmpty()) {
                skipped++;
                continue;
            }
            events.add(new IdentifierChanged("user_id_update:" + String.join(":", previous) + ">" + String.join(":", added),
                    previous, added));
        }
        return skipped;
    }

    static String whatsAppText(JsonNode message) {
        String type = message.path("type").asText();
        JsonNode content = message.path(type);
        return switch (type) {
            case "text" -> content.path("body").asText();
            case "button" -> content.path("text").asText();
            case "interactive" -> {
                JsonNode reply = content.has("button_reply") ? content.path("button_reply") : content.path("list_reply");
                yield reply.path("title").asText();
            }
            case "image", "video", "audio", "document", "sticker" -> ("[" + type + " " + content.path("id").asText() + "] "
                    + content.path("caption").asText("")).trim();
            case "location" -> "[position] " + String.join(" ", content.path("name").asText(""),
                    content.path("address").asText(""), content.path("latitude").asText() + ","
                            + content.path("longitude").asText()).trim();
            case "reaction" -> "[réaction] " + content.path("emoji").asText();
            case "contacts" -> "[contact partagé] " + sharedContacts(message.path("contacts"));
            default -> "[message de type « " + type + " » non pris en charge]";
        };
    }

    /** "Léa Martin +33 6 12 34 56 78", for each contact card the youth shared. */
    private static String sharedContacts(JsonNode contacts) {
        List<String> cards = new java.util.ArrayList<>();
        for (JsonNode contact : contacts) {
            List<String> parts = new java.util.ArrayList<>();
            parts.add(contact.path("name").path("formatted_name").asText(""));
            contact.path("phones").forEach(phone -> parts.add(phone.path("phone").asText("")));
            contact.path("emails").forEach(email -> parts.add(email.path("email").asText("")));
            cards.add(String.join(" ", parts.stream().filter(p -> !p.isBlank()).toList()));
        }
        return String.join(" ; ", cards);
    }

    private static boolean messenger(JsonNode messaging, List<InboundEvent> events) {
        String sender = messaging.path("sender").path("id").asText();
        JsonNode message = messaging.path("message");
        if (message.path("is_echo").asBoolean(false)) {
            return false;
        }
        if (message.hasNonNull("mid")) {
            String text = message.has("quick_reply") || message.hasNonNull("text") ? message.path("text").asText()
                    : "[" + message.path("attachments").path(0).path("type").asText("pièce jointe") + "]";
            events.add(new YouthMessage(message.path("mid").asText(), sender, null, text, referralOf(messaging), List.of(),
                    epoch(messaging.path("timestamp"), true)));
            return true;
        }
        if (messaging.has("postback")) {
            JsonNode postback = messaging.path("postback");
            String id = postback.hasNonNull("mid") ? postback.path("mid").asText()
                    : sender + ":" + messaging.path("timestamp").asText();
            events.add(new YouthMessage(id, sender, null, postback.path("title").asText(), referralOf(messaging), List.of(),
                    epoch(messaging.path("timestamp"), true)));
            return true;
        }
        if (messaging.has("delivery")) {
            for (JsonNode mid : messaging.path("delivery").path("mids")) {
                events.add(new DeliveryStatus(mid.asText() + ":delivered", mid.asText(), "delivered"));
            }
            return true;
        }
        return false;
    }

    private static String referralOf(JsonNode messaging) {
        JsonNode referral = messaging.has("referral") ? messaging.path("referral") : messaging.path("postback").path("referral");
        return referral.hasNonNull("ad_id") ? "ad:" + referral.path("ad_id").asText() : null;
    }

    /** WhatsApp tells when a user stops or resumes the business's messages from the app itself. */
    private static void preferences(JsonNode value, List<InboundEvent> events) {
        for (JsonNode preference : value.path("user_preferences")) {
            String externalId = firstText(preference.path("user_id"), preference.path("wa_id"));
            String choice = preference.path("value").asText();
            if (externalId != null && ("stop".equals(choice) || "resume".equals(choice))) {
                events.add(new OptOutSignal(externalId + ":" + choice + ":" + preference.path("timestamp").asText(),
                        externalId, "stop".equals(choice)));
            }
        }
    }

    private static void lead(JsonNode value, List<InboundEvent> events) {
        String leadgenId = value.path("leadgen_id").asText();
        events.add(new LeadSubmitted(leadgenId, leadgenId, value.path("form_id").asText(null), value.path("ad_id").asText(null)));
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    /** When the platform says the youth sent it (WhatsApp: seconds, Messenger: milliseconds); null if unreadable. */
    private static java.time.Instant epoch(JsonNode timestamp, boolean milliseconds) {
        long value = timestamp.isNumber() ? timestamp.asLong() : timestamp.isTextual() ? parseLong(timestamp.asText()) : -1;
        if (value <= 0) {
            return null;
        }
        return milliseconds ? java.time.Instant.ofEpochMilli(value) : java.time.Instant.ofEpochSecond(value);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static List<String> texts(JsonNode... candidates) {
        List<String> found = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank() && !found.contains(candidate.asText())) {
                found.add(candidate.asText());
            }
        }
        return found;
    }

    private static boolean sameText(JsonNode a, JsonNode b) {
        return a.isTextual() && b.isTextual() && a.asText().equals(b.asText());
    }

    private static String firstNameOf(String name) {
        return name == null ? null : name.trim().split("\\s+")[0];
    }
}
