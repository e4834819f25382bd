package org.passerelle.channels.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.channels.ChannelSender.DeliveryFailedException;
import org.passerelle.channels.ChannelsProperties;
import org.passerelle.channels.inbox.InboundEvent;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.springframework.stereotype.Service;

/**
 * An ad's lead form: its answers come from the Graph API. A youth who agreed to be contacted on
 * WhatsApp is reached there (first by the approved template, the 24-hour window being closed);
 * otherwise the journey stays on the lead channel and mediators contact them another way.
 */
@Service
public class LeadIntake {

    private static final Set<String> YES = Set.of("oui", "yes", "true", "1", "j'accepte");
    private static final Set<String> NOT_SHOWN = Set.of("phone_number", "email", "full_name", "first_name", "last_name");

    private final GraphApi graph;
    private final ChannelsProperties.Meta meta;
    private final JourneyGateway gateway;

    public LeadIntake(GraphApi graph, ChannelsProperties properties, JourneyGateway gateway) {
        this.graph = graph;
        this.meta = properties.meta();
        this.gateway = gateway;
    }

    public void receive(InboundEvent.LeadSubmitted lead) {
        GraphApi.Answer answer = graph.get(lead.leadgenId(), meta.pageToken());
        if (!answer.ok()) {
            throw new DeliveryFailedException("Lead " + lead.leadgenId() + " could not be read: HTTP " + answer.status());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode field : answer.body().path("field_data")) {
            fields.put(field.path("name").asText(), field.path("values").path(0).asText(""));
        }
        String phone = fields.getOrDefault("phone_number", "").replaceAll("[^0-9]", "");
        boolean whatsAppConsent = YES.contains(fields.getOrDefault(meta.leadConsentField(), "").trim().toLowerCase(Locale.FRENCH));
        String firstName = firstNameOf(fields);
        String campaign = "lead:" + lead.formId() + (lead.adId() == null ? "" : "/ad:" + lead.adId());
        String summary = "Formulaire publicitaire rempli. " + fields.entrySet().stream()
                .filter(e -> !NOT_SHOWN.contains(e.getKey()) && !e.getKey().equals(meta.leadConsentField()))
                .map(e -> e.getKey() + " : " + e.getValue()).collect(Collectors.joining(" ; "));
        if (whatsAppConsent && !phone.isEmpty()) {
            gateway.startFromFirstContact(new FirstContact("whatsapp", phone, firstName, campaign, summary.trim(), "leadAds"));
        } else {
            gateway.startFromFirstContact(new FirstContact("leadAds", lead.leadgenId(), firstName, campaign, summary.trim()));
        }
    }

    private static String firstNameOf(Map<String, String> fields) {
        String name = fields.containsKey("first_name") ? fields.get("first_name") : fields.getOrDefault("full_name", "");
        return name.isBlank() ? null : name.trim().split("\\s+")[0];
    }
}
