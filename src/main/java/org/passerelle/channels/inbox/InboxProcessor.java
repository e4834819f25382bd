package org.passerelle.channels.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a stored delivery into its effects, each platform event exactly once: a redelivered or
 * replayed event finds its {@link ProcessedEvent} and does nothing.
 */
@Service
public class InboxProcessor {

    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);

    private final InboxDeliveryRepository deliveries;
    private final ProcessedEventRepository processed;
    private final MetaWebhookParser metaParser;
    private final InboundMessages inbound;
    private final org.passerelle.channels.inbox.LeadIntake leads;
    private final ObjectMapper json;
    private final Inbox inbox;
    private final Clock clock;

    public InboxProcessor(InboxDeliveryRepository deliveries, ProcessedEventRepository processed,
            MetaWebhookParser metaParser, InboundMessages inbound, org.passerelle.channels.inbox.LeadIntake leads,
            ObjectMapper json, Inbox inbox, Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.metaParser = metaParser;
        this.inbound = inbound;
        this.leads = leads;
        this.json = json;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Applies a delivery; true when a lead of it is not readable yet and is to be asked for again later. */
    @Transactional
    public boolean process(Long deliveryId) throws IOException {
        InboxDelivery delivery = deliveries.findForApplying(deliveryId).orElseThrow();
        if (delivery.getStatus() != InboxDelivery.Status.RECEIVED) {
            return false;
        }
        delivery.attempted();
        JsonNode body = json.readTree(delivery.getBody());
        var parsed = switch (delivery.getPlatform()) {
            case WEB -> new MetaWebhookParser.Parsed(List.of(WebForm.event(body)), 0);
            case LEAD_ADS -> new MetaWebhookParser.Parsed(List.of(leadOf(body)), 0);
            default -> metaParser.parse(delivery.getPlatform(), body);
        };
        int applied = 0;
        String note = null;
        for (InboundEvent event : parsed.events()) {
            if (event instanceof InboundEvent.LeadSubmitted lead && delivery.getPlatform() != Platform.LEAD_ADS) {
                // Each lead is read from the Graph API in its own job: one unreadable lead delays no other.
                inbox.accept(Platform.LEAD_ADS, json.writeValueAsString(Map.of("leadgen_id", lead.leadgenId(),
                        "form_id", String.valueOf(lead.formId()), "ad_id", String.valueOf(lead.adId()))));
                continue;
            }
            Platform platform = event instanceof InboundEvent.LeadSubmitted ? Platform.LEAD_ADS : delivery.getPlatform();
            var key = new ProcessedEvent.Key(platform, event.eventId());
            if (processed.existsById(key)) {
                continue;
            }
            // Flushed first: a concurrent twin fails here and its whole transaction is retried as a duplicate.
            processed.saveAndFlush(new ProcessedEvent(platform, event.eventId(), clock.instant()));
            if (event instanceof InboundEvent.LeadSubmitted lead) {
                var outcome = leads.receive(lead, delivery.getAttempts());
                if (outcome == org.passerelle.channels.inbox.LeadIntake.Outcome.NOT_YET_READABLE) {
                    // Asked for again later: the event is not processed yet, the attempt stays counted.
                    processed.delete(processed.findById(key).orElseThrow());
                    return true;
                }
                if (outcome == org.passerelle.channels.inbox.LeadIntake.Outcome.UNREADABLE) {
                    note = "Formulaire illisible dans l'API Graph après " + delivery.getAttempts() + " essais";
                }
            } else {
                apply(platform, event);
            }
            applied++;
        }
        delivery.processed(clock.instant(), note);
        log.info("Delivery {} from {}: {} events applied, {} duplicates, {} parts skipped", deliveryId,
                delivery.getPlatform(), applied, parsed.events().size() - applied, parsed.skipped());
        return false;
    }

    private static InboundEvent.LeadSubmitted leadOf(JsonNode body) {
        String id = body.path("leadgen_id").asText();
        return new InboundEvent.LeadSubmitted(id, id, textOrNull(body.path("form_id")), textOrNull(body.path("ad_id")));
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !"null".equals(node.asText()) ? node.asText() : null;
    }

    private void apply(Platform platform, InboundEvent event) {
        if (event instanceof InboundEvent.YouthMessage message) {
            inbound.receive(platform.channel(), message);
        } else if (event instanceof InboundEvent.DeliveryStatus status) {
            inbound.status(status);
        } else if (event instanceof InboundEvent.OptOutSignal signal) {
            inbound.optOutSignal(platform.channel(), signal);
        } else if (event instanceof InboundEvent.IdentifierChanged change) {
            inbound.identifierChanged(platform.channel(), change);
        }
    }
}
