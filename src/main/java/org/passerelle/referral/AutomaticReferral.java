package org.passerelle.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.intake.Youth;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.programme.ProgrammeTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automatic orientation: when the deployed "Orientation automatique" says so for the youth's track, Passerelle
 * proposes the first ranked partner (one that receives referrals by email) to the youth and refers on their yes.
 */
@Service
public class AutomaticReferral {

    public static final String DECISION = "automaticReferral";
    private static final java.time.Duration WINDOW = java.time.Duration.ofHours(24);

    private final DecisionService decisions;
    private final JourneyRepository journeys;
    private final ReferralRepository referrals;
    private final ConversationMessageRepository messages;
    private final OutboundMessages outbound;
    private final ProgrammeTexts texts;
    private final Clock clock;

    public AutomaticReferral(DecisionService decisions, JourneyRepository journeys, ReferralRepository referrals,
            ConversationMessageRepository messages, OutboundMessages outbound, ProgrammeTexts texts, Clock clock) {
        this.decisions = decisions;
        this.journeys = journeys;
        this.referrals = referrals;
        this.messages = messages;
        this.outbound = outbound;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The partner to propose to the youth, or empty: the decision says no, no ranked partner takes referrals by email,
     * the journey already had a referral (a second choice is the mediator's), or the youth cannot be written to.
     */
    @Transactional(readOnly = true)
    public Optional<PartnerMatcher.Proposal> candidate(Long journeyId, String track, PartnerMatcher.Result ranked) {
        Optional<PartnerMatcher.Proposal> first = ranked.proposals().stream().filter(p -> p.partner().receivesReferralsByEmail()).findFirst();
        Journey journey = journeys.findById(journeyId).orElseThrow();
        if (first.isEmpty() || !referrals.findByJourneyId(journeyId).isEmpty() || !canTalk(journey)) {
            return Optional.empty();
        }
        Youth youth = journey.getYouth();
        Integer age = youth.getBirthDate() != null ? Integer.valueOf(Period.between(youth.getBirthDate(), LocalDate.now(clock)).getYears())
                : youth.getDeclaredAge();
        var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("voie", track)
                .putValue("age", age).putValue("structureAvecCourriel", true));
        return !result.isEmpty() && Boolean.TRUE.equals(result.getFirstResult().getEntry("automatique")) ? first : Optional.empty();
    }

    /** "La Mission Locale de … peut t'accompagner, je t'y oriente ?" with Oui / Non to tap. */
    @Transactional
    public void propose(Long journeyId, String partnerName) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        Youth youth = journey.getYouth();
        outbound.send(journey, ConversationMessage.Kind.ANSWER, texts.render(ProgrammeTexts.REFERRAL_PROPOSAL, Map.of(
                "prenom", youth.getFirstName() == null ? "" : youth.getFirstName().strip(), "structure", partnerName)), null,
                java.util.List.of("Oui", "Non"));
    }

    /** Whether the youth's latest message says yes. */
    @Transactional(readOnly = true)
    public boolean youthAccepts(Long journeyId) {
        Journey journey = journeys.findById(journeyId).orElseThrow();
        String reply = messages.findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(journeyId,
                ConversationMessage.Direction.IN, journey.getYouth().getChannel()).map(ConversationMessage::getBody).orElse("");
        String words = java.text.Normalizer.normalize(reply.strip().toLowerCase(java.util.Locale.FRENCH), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return words.matches("(1|oui|ok|okay|d'accord|d accord|dac|vas-y|vas y|ouais|yes)\\b.*") && !words.contains("pas");
    }

    private boolean canTalk(Journey journey) {
        return journey.getYouth().getOptedOutAt() == null && messages.findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(
                journey.getId(), ConversationMessage.Direction.IN, journey.getYouth().getChannel())
                .map(m -> m.getCreatedAt().isAfter(clock.instant().minus(WINDOW))).orElse(false);
    }
}
