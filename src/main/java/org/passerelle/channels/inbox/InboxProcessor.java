package org.passerelle.channels.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
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
    private final org.passerelle.channels.meta.LeadIntake leads;
    private final ObjectMapper json;
    private final Clock clock;

    public InboxProcessor(InboxDeliveryRepository deliveries, ProcessedEventRepository processed,
            MetaWebhookParser metaParser, InboundMessages inbound, org.passerelle.channels.meta.LeadIntake leads,
            ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.metaParser = metaParser;
        this.inbound = inbound;
        this.leads = leads;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void process(Long deliveryId) throws IOException {
        InboxDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
        if (delivery.getStatus() != InboxDelivery.Status.RECEIVED) {
            return;
        }
        JsonNode body = json.readTree(delivery.getBody());
        var parsed = delivery.getPlatform() == Platform.WEB
                ? new MetaWebhookParser.Parsed(java.util.List.of(WebForm.event(body)), 0)
                : metaParser.parse(delivery.getPlatform(), body);
        int applied = 0;
        for (InboundEvent event : parsed.events()) {
            Platform platform = event instanceof InboundEvent.LeadSubmitted ? Platform.LEAD_ADS : delivery.getPlatform();
            var key = new ProcessedEvent.Key(platform, event.eventId());
            if (processed.existsById(key)) {
                continue;
            }
            // Flushed first: a concurrent twin fails here and its whole transaction is retried as a duplicate.
            processed.saveAndFlush(new ProcessedEvent(platform, event.eventId(), clock.instant()));
            apply(platform, event);
            applied++;
        }
        delivery.processed(clock.instant());
        log.info("Delivery {} from {}: {} events applied, {} duplicates, {} parts skipped", deliveryId,
                delivery.getPlatform(), applied, parsed.events().size() - applied, parsed.skipped());
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
        } else if (event instanceof InboundEvent.LeadSubmitted lead) {
            leads.receive(lead);
        }
    }
}
