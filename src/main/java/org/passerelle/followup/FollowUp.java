package org.passerelle.followup;

import org.passerelle.programme.ProgrammeTexts;

import java.time.Clock;
import java.time.Instant;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.diagnostic.Departements;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up of one journey: scheduling, nudging, recording phone calls. */
@Service
public class FollowUp {

    private final JourneyRepository journeys;
    private final NudgePolicy policy;
    private final OutboundMessages outbound;
    private final ProgrammeTexts texts;
    private final Clock clock;

    public FollowUp(JourneyRepository journeys, NudgePolicy policy, OutboundMessages outbound, ProgrammeTexts texts,
            Clock clock) {
        this.journeys = journeys;
        this.policy = policy;
        this.outbound = outbound;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Instant nextNudgeAt(Long journeyId) {
        return policy.nextNudgeAt(silenceOf(journey(journeyId)));
    }

    @Transactional(readOnly = true)
    public String decide(Long journeyId) {
        return policy.decide(silenceOf(journey(journeyId)), clock.instant());
    }

    /** Sends the next nudge; false when the channel's rules forbid it (a phone call replaces it). */
    @Transactional
    public boolean sendNudge(Long journeyId) {
        Journey journey = journey(journeyId);
        String firstName = journey.getYouth().getFirstName();
        String text = texts.render(ProgrammeTexts.NUDGES.get(journey.getNudgesSent() % ProgrammeTexts.NUDGES.size()),
                java.util.Map.of("prenom", firstName == null ? "" : firstName.strip()));
        ConversationMessage nudge = outbound.send(journey, ConversationMessage.Kind.NUDGE, text);
        journey.nudgeSent();
        return nudge.getStatus() != ConversationMessage.Status.FAILED;
    }

    @Transactional
    public void recordPhoneCall(Long journeyId, boolean youthReached) {
        Journey journey = journey(journeyId);
        if (youthReached) {
            journey.youthReached(clock.instant());
        } else {
            journey.callUnanswered();
        }
    }

    private Journey journey(Long journeyId) {
        return journeys.findById(journeyId).orElseThrow();
    }

    private NudgePolicy.Silence silenceOf(Journey journey) {
        return new NudgePolicy.Silence(journey.getLastContactAt(), journey.getUnansweredNudges(),
                Departements.zoneOf(journey.getYouth().getDepartement()));
    }
}
