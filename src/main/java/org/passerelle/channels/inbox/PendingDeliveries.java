package org.passerelle.channels.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Iterator;
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

    /** Removes this person's events (their platform id as a value) from every pending delivery; how many changed. */
    public int forget(String externalId, Instant at) {
        int changed = 0;
        for (InboxDelivery delivery : deliveries.findPendingMentioning(externalId)) {
            JsonNode body;
            try {
                body = JSON.readTree(delivery.getBody());
            } catch (JsonProcessingException unreadable) {
                delivery.processed(at, "effacé : contenu illisible");
                changed++;
                continue;
            }
            if (!mentions(body, externalId)) {
                continue; // the id is only part of someone else's (a longer number, a text)
            }
            prune(body, externalId);
            if (mentions(body, externalId)) {
                delivery.processed(at, "effacé à la demande de la personne");
            } else {
                delivery.replaceBody(body.toString());
            }
            changed++;
        }
        return changed;
    }

    /** Drops, in every array, the elements that still hold the id once their own arrays are pruned. */
    static void prune(JsonNode node, String id) {
        if (node.isArray()) {
            Iterator<JsonNode> elements = ((ArrayNode) node).elements();
            while (elements.hasNext()) {
                JsonNode element = elements.next();
                prune(element, id);
                if (mentions(element, id)) {
                    elements.remove();
                }
            }
        } else if (node.isObject()) {
            node.elements().forEachRemaining(child -> prune(child, id));
        }
    }

    /** The id as a whole value (a string or a number), never as part of one. */
    static boolean mentions(JsonNode node, String id) {
        if (node.isValueNode()) {
            return id.equals(node.asText());
        }
        for (JsonNode child : node) {
            if (mentions(child, id)) {
                return true;
            }
        }
        return false;
    }
}
