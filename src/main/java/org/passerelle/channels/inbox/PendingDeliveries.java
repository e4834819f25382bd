package org.passerelle.channels.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What an erasure does to deliveries acknowledged but not applied yet: the erased person's events leave the stored
 * payload, and the other people's events in the same delivery (Meta batches several contacts) stay to be applied.
 */
@Component
public class PendingDeliveries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboxDeliveryRepository deliveries;

    public PendingDeliveries(InboxDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The fields Meta names a person by, in the array elements that carry one message, contact or status each. */
    private static final List<String> PERSON_FIELDS = List.of("from", "from_user_id", "wa_id", "user_id", "parent_user_id",
            "recipient_id", "recipient_user_id");

    /**
     * Removes this person's events (their id on this channel) from every pending delivery of the channel; how many
     * deliveries changed.
     */
    public int forget(String channel, String externalId, Instant at) {
        int changed = 0;
        for (InboxDelivery delivery : deliveries.findPendingMentioning(externalId)) {
            if (!delivery.getPlatform().channel().equals(channel)) {
                continue;
            }
            JsonNode body;
            try {
                body = JSON.readTree(delivery.getBody());
            } catch (JsonProcessingException unreadable) {
                continue; // intake records it as unreadable; nothing of it can be applied
            }
            if (delivery.getPlatform() == Platform.WEB) {
                if (externalId.equals(body.path("sessionId").asText(null))) {
                    delivery.processed(at, "effacé à la demande de la personne");
                    changed++;
                }
                continue;
            }
            if (!mentions(body, externalId)) {
                continue; // the id is only someone else's text, or part of a longer number
            }
            prune(body, externalId);
            delivery.replaceBody(body.toString());
            changed++;
        }
        return changed;
    }

    /** Drops, in every array, the elements that name this person (a message from them, their contact, a status to them). */
    static void prune(JsonNode node, String id) {
        if (node.isArray()) {
            Iterator<JsonNode> elements = ((ArrayNode) node).elements();
            while (elements.hasNext()) {
                JsonNode element = elements.next();
                if (names(element, id)) {
                    elements.remove();
                } else {
                    prune(element, id);
                }
            }
        } else if (node.isObject()) {
            node.elements().forEachRemaining(child -> prune(child, id));
        }
    }

    /** Whether an element of the payload names this person, at any depth. */
    static boolean mentions(JsonNode node, String id) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (names(element, id) || mentions(element, id)) {
                    return true;
                }
            }
        } else if (node.isObject()) {
            for (JsonNode child : node) {
                if (mentions(child, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One array element about this person: by its own id fields, or Messenger's sender or recipient. */
    private static boolean names(JsonNode element, String id) {
        if (!element.isObject()) {
            return false;
        }
        for (String field : PERSON_FIELDS) {
            if (id.equals(element.path(field).asText(null))) {
                return true;
            }
        }
        return id.equals(element.path("sender").path("id").asText(null)) || id.equals(element.path("recipient").path("id").asText(null));
    }
}
