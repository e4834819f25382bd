package org.passerelle.mentoring;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.intake.Youth;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.referral.ReferralLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor proposed to a youth: emailed with a signed, expiring, single-use link; reminded once; expired or
 * withdrawn when no answer comes. The answer goes to the waiting mentorMatching.
 */
@Service
public class MentorProposals {

    public enum LinkState { OPEN, INVALID, EXPIRED, ALREADY_ANSWERED }

    /** What the mentor's page shows of the youth: first name, territory and project, nothing more. */
    public record YouthSummary(String firstName, String departement, String project, String goal) {
    }

    private final MentorRepository mentors;
    private final MentorMatchRepository matches;
    private final JourneyRepository journeys;
    private final MentorLinks links;
    private final MentorMailer mailer;
    private final RuntimeService runtime;
    private final Clock clock;

    public MentorProposals(MentorRepository mentors, MentorMatchRepository matches, JourneyRepository journeys,
            MentorLinks links, MentorMailer mailer, RuntimeService runtime, Clock clock) {
        this.mentors = mentors;
        this.matches = matches;
        this.journeys = journeys;
        this.links = links;
        this.mailer = mailer;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Records the proposal and emails the mentor; refused for a mentor no longer active. */
    @Transactional
    public MentorMatch propose(Long journeyId, Long mentorId, boolean youthConsent) {
        Mentor mentor = mentors.findById(mentorId).filter(Mentor::isActive)
                .orElseThrow(() -> new IllegalArgumentException("Mentor inconnu ou inactif : " + mentorId));
        MentorMatch match = matches.save(new MentorMatch(journeyId, mentorId, clock.instant()));
        String nonce = MentorLinks.newNonce();
        match.sendWith(nonce, youthConsent);
        mailer.proposal(mentor.getEmail(), values(mentor, match, nonce));
        return match;
    }

    @Transactional
    public void remind(Long matchId) {
        MentorMatch match = matches.findById(matchId).orElseThrow();
        Mentor mentor = mentors.findById(match.getMentorId()).orElseThrow();
        if (match.getStatus() != MentorMatch.Status.PROPOSED || mentor.getEmail() == null) {
            return;
        }
        match.reminded(clock.instant());
        mailer.reminder(mentor.getEmail(), values(mentor, match, match.getLinkNonce()));
    }

    /** No answer after the reminder: the link stops working and the mentor's place is free again. */
    @Transactional
    public void expire(Long matchId) {
        matches.findById(matchId).orElseThrow().close(MentorMatch.Status.EXPIRED, clock.instant());
    }

    private Map<String, String> values(Mentor mentor, MentorMatch match, String nonce) {
        YouthSummary youth = youthOf(match.getJourneyId());
        return Map.of("mentor", mentor.getFirstName(), "jeune", youth.firstName() == null ? "un jeune" : youth.firstName(),
                "projet", youth.project() == null ? "" : youth.project(), "objectif", youth.goal() == null ? "" : youth.goal(),
                "departement", youth.departement() == null ? "" : youth.departement(),
                "lien", links.url(MentorLinks.Purpose.PROPOSAL, match.getId(), nonce));
    }

    @Transactional(readOnly = true)
    public YouthSummary youthOf(Long journeyId) {
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        String goal = MentorRanking.goalOf(youth.getProject());
        return new YouthSummary(youth.getFirstName(), youth.getDepartement(), youth.getProject(),
                goal == null ? null : MentorVocabulary.label(MentorVocabulary.GOALS, goal).toLowerCase(java.util.Locale.FRENCH));
    }

    @Transactional(readOnly = true)
    public LinkState check(String token) {
        return open(token).map(m -> LinkState.OPEN).orElseGet(() -> closedState(token));
    }

    /** The proposal this link may still answer. */
    @Transactional(readOnly = true)
    public Optional<MentorMatch> open(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.PROPOSAL, token);
        if (verified.check() != ReferralLinks.Check.VALID) {
            return Optional.empty();
        }
        return matches.findById(verified.referralId())
                .filter(m -> m.getStatus() == MentorMatch.Status.PROPOSED && Objects.equals(m.getLinkNonce(), verified.nonce()));
    }

    private LinkState closedState(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.PROPOSAL, token);
        if (verified.check() == ReferralLinks.Check.TAMPERED) {
            return LinkState.INVALID;
        }
        Optional<MentorMatch> match = matches.findById(verified.referralId());
        if (match.isEmpty()) {
            return LinkState.INVALID;
        }
        MentorMatch.Status status = match.get().getStatus();
        return verified.check() == ReferralLinks.Check.EXPIRED || status == MentorMatch.Status.EXPIRED
                || status == MentorMatch.Status.WITHDRAWN ? LinkState.EXPIRED : LinkState.ALREADY_ANSWERED;
    }

    /** The mentor's answer: recorded and delivered to the waiting search, once. */
    @Transactional
    public LinkState answer(String token, boolean accepted, String firstMeeting, String declineReason) {
        MentorMatch match = open(token).orElse(null);
        if (match == null) {
            return closedState(token);
        }
        match.answer(accepted, firstMeeting, declineReason, clock.instant());
        runtime.createMessageCorrelation(MentorMatching.Messages.MENTOR_ANSWERED)
                .processInstanceVariableEquals(MentorMatching.Vars.MENTOR_MATCH_ID, match.getId())
                .setVariables(Variables.createVariables().putValue(MentorMatching.Vars.MENTOR_ANSWER,
                        accepted ? MentorMatching.Values.ACCEPTED : MentorMatching.Values.REFUSED))
                .correlateAllWithResult();
        return LinkState.OPEN;
    }

    /** The mentor left: every proposal still waiting is withdrawn and its search moves on. */
    @Transactional
    public void withdrawAll(Long mentorId) {
        for (MentorMatch match : matches.findByMentorIdAndStatus(mentorId, MentorMatch.Status.PROPOSED)) {
            match.close(MentorMatch.Status.WITHDRAWN, clock.instant());
            runtime.createMessageCorrelation(MentorMatching.Messages.MENTOR_ANSWERED)
                    .processInstanceVariableEquals(MentorMatching.Vars.MENTOR_MATCH_ID, match.getId())
                    .setVariables(Variables.createVariables().putValue(MentorMatching.Vars.MENTOR_ANSWER, MentorMatching.Values.WITHDRAWN))
                    .correlateAllWithResult();
        }
    }

    @Transactional(readOnly = true)
    public Mentor mentorOf(MentorMatch match) {
        return mentors.findById(match.getMentorId()).orElseThrow();
    }
}
