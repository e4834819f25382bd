package org.passerelle.channels.inbox;

import org.passerelle.channels.meta.GraphApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.channels.ChannelSender.DeliveryFailedException;
import org.passerelle.channels.ChannelsProperties;
import org.passerelle.channels.inbox.InboundEvent;
import org.passerelle.intake.YouthIdentities;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.springframework.stereotype.Service;

/**
 * An ad's lead form: its answers come from the Graph API. A youth who agreed to be contacted on
 * WhatsApp is reached there (first by the approved template, the 24-hour window being closed);
 * otherwise the journey stays on the lead channel and the mediator's first task says how to reach them.
 * A lead whose phone is a youth already known on WhatsApp joins that youth.
 */
@Service
public class LeadIntake {

    /** A lead the Graph API refuses (404, 403…) this many times is recorded as unreadable instead of failing again. */
    public static final int UNREADABLE_AFTER_ATTEMPTS = 3;

    private static final Set<String> YES = Set.of("oui", "yes", "true", "1", "j'accepte");
    private static final Set<String> NOT_SHOWN = Set.of("phone_number", "email", "full_name", "first_name", "last_name",
            "date_of_birth", "post_code");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final GraphApi graph;
    private final ChannelsProperties.Meta meta;
    private final JourneyGateway gateway;
    private final YouthIdentities identities;
    private final YouthRepository youths;
    private final Clock clock;

    public LeadIntake(GraphApi graph, ChannelsProperties properties, JourneyGateway gateway, YouthIdentities identities,
            YouthRepository youths, Clock clock) {
        this.graph = graph;
        this.meta = properties.meta();
        this.gateway = gateway;
        this.identities = identities;
        this.youths = youths;
        this.clock = clock;
    }

    /** What became of a lead: applied, to be asked for again later, or given up (recorded by the caller). */
    public enum Outcome { APPLIED, NOT_YET_READABLE, UNREADABLE }

    /**
     * Applies one lead. The Graph API refusing it (404, 403…) may be a lead not readable yet: asked for again
     * until the attempts run out, then given up; a platform error (5xx, rate limit) fails the job to be retried.
     */
    public Outcome receive(InboundEvent.LeadSubmitted lead, int attempts) {
        GraphApi.Answer answer = graph.get(lead.leadgenId(), meta.pageToken());
        if (!answer.ok()) {
            boolean refused = answer.status() >= 400 && answer.status() < 500 && answer.status() != 429;
            if (refused) {
                return attempts >= UNREADABLE_AFTER_ATTEMPTS ? Outcome.UNREADABLE : Outcome.NOT_YET_READABLE;
            }
            throw new DeliveryFailedException("Lead " + lead.leadgenId() + " could not be read: HTTP " + answer.status());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode field : answer.body().path("field_data")) {
            values.put(field.path("name").asText(), field.path("values").path(0).asText(""));
        }
        LeadFields fields = new LeadFields(values);
        String phone = fields.phone();
        boolean whatsAppConsent = YES.contains(values.getOrDefault(meta.leadConsentField(), "").trim().toLowerCase(Locale.FRENCH));
        String campaign = "lead:" + lead.formId() + (lead.adId() == null ? "" : "/ad:" + lead.adId());
        String answers = values.entrySet().stream()
                .filter(e -> !NOT_SHOWN.contains(e.getKey()) && !e.getKey().equals(meta.leadConsentField()))
                .map(e -> e.getKey() + " : " + e.getValue()).collect(Collectors.joining(" ; "));

        var knownOnWhatsApp = phone == null ? java.util.Optional.<String>empty() : identities.knownAs("whatsapp", phone);
        String channel;
        String externalId;
        if (knownOnWhatsApp.isPresent()) {
            channel = "whatsapp";
            externalId = knownOnWhatsApp.get();
            joinKnownYouth(externalId, ("Formulaire publicitaire rempli. " + answers).trim());
        } else if (whatsAppConsent && phone != null) {
            channel = "whatsapp";
            externalId = phone;
            gateway.startFromFirstContact(new FirstContact(channel, externalId, fields.firstName(), campaign,
                    ("Formulaire publicitaire rempli. " + answers).trim(), "leadAds"));
        } else {
            channel = "leadAds";
            externalId = lead.leadgenId();
            gateway.startFromFirstContact(new FirstContact(channel, externalId, fields.firstName(), campaign,
                    ("Formulaire publicitaire rempli, sans accord pour WhatsApp. " + howToReach(fields) + " " + answers).trim()));
        }
        youths.findByChannelAndExternalId(channel, externalId).ifPresent(youth -> {
            youth.leadContact(fields.fullName(), phone, fields.email());
            LocalDate today = LocalDate.now(clock.withZone(PARIS));
            if (youth.getBirthDate() == null) {
                fields.birthDate(today).ifPresent(youth::setBirthDate);
            }
            if (youth.getDepartement() == null) {
                fields.departement().ifPresent(youth::setDepartement);
            }
        });
        return Outcome.APPLIED;
    }

    private void joinKnownYouth(String externalId, String message) {
        gateway.latestJourney("whatsapp", externalId).ifPresent(journey -> {
            if (journey.getStatus() == Journey.Status.OPEN) {
                gateway.youthWrote(journey.getId(), message);
            } else {
                gateway.youthReturns(journey.getYouth().getId(), message);
            }
        });
    }

    private static String howToReach(LeadFields fields) {
        String phone = fields.get("phone_number");
        String email = fields.email();
        if (phone == null && email == null) {
            return "Aucun téléphone ni courriel donné : le jeune ne peut être joint que s'il écrit.";
        }
        return "À joindre" + (phone == null ? "" : " par téléphone (appel ou SMS) au " + phone)
                + (phone != null && email != null ? " ou" : "") + (email == null ? "" : " par courriel à " + email) + ".";
    }
}
