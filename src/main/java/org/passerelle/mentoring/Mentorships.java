package org.passerelle.mentoring;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.conversation.Template;
import org.passerelle.intake.Youth;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.programme.ProgrammeTexts;
import org.passerelle.referral.ReferralLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentorship from the introduction to its outcome: both sides introduced (the youth's contact only with consent),
 * check-ins asked of both, answers recorded, and an end that frees the mentor's place.
 */
@Service
public class Mentorships {

    public enum LinkState { OPEN, INVALID, EXPIRED, ALREADY_ANSWERED }

    /** The buttons of a youth's check-in (WhatsApp, Messenger); each is understood as 1, 2 or 3. */
    static final List<String> CHECK_IN_REPLIES = List.of("Ça se passe bien", "Pas encore vus", "Arrêter le mentorat");

    private final MentorshipRepository mentorships;
    private final MentorshipCheckInRepository checkIns;
    private final MentorMatchRepository matches;
    private final MentorRepository mentors;
    private final JourneyRepository journeys;
    private final MentorMailer mailer;
    private final MentorLinks links;
    private final OutboundMessages outbound;
    private final ProgrammeTexts texts;
    private final RuntimeService runtime;
    private final Clock clock;

    public Mentorships(MentorshipRepository mentorships, MentorshipCheckInRepository checkIns, MentorMatchRepository matches,
            MentorRepository mentors, JourneyRepository journeys, MentorMailer mailer, MentorLinks links,
            OutboundMessages outbound, ProgrammeTexts texts, RuntimeService runtime, Clock clock) {
        this.mentorships = mentorships;
        this.checkIns = checkIns;
        this.matches = matches;
        this.mentors = mentors;
        this.journeys = journeys;
        this.mailer = mailer;
        this.links = links;
        this.outbound = outbound;
        this.texts = texts;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Starts the mentorship and introduces each side to the other. */
    @Transactional
    public Mentorship start(Long matchId) {
        MentorMatch match = matches.findById(matchId).orElseThrow();
        Mentor mentor = mentors.findById(match.getMentorId()).orElseThrow();
        Mentorship mentorship = mentorships.save(new Mentorship(match.getJourneyId(), mentor.getId(), matchId,
                mentor.getSector(), clock.instant()));
        Journey journey = journeys.findById(match.getJourneyId()).orElseThrow();
        Youth youth = journey.getYouth();
        String meeting = match.getFirstMeeting() == null ? "" : match.getFirstMeeting();
        outbound.send(journey, ConversationMessage.Kind.ANSWER, texts.render(ProgrammeTexts.YOUTH_MENTOR_INTRODUCTION,
                Map.of("prenom", nz(youth.getFirstName()), "mentor", mentor.fullName(), "entreprise", mentor.getCompany(),
                        "metier", nz(mentor.getJobTitle()), "rendezVous", meeting)),
                new Template(Template.MENTOR_INTRODUCTION, List.of(nz(youth.getFirstName()), mentor.fullName(), mentor.getCompany())));
        if (mentor.getEmail() != null) {
            mailer.introduction(mentor.getEmail(), Map.of("mentor", mentor.getFirstName(), "jeune", nz(youth.getFirstName()),
                    "projet", nz(youth.getProject()), "contact", match.isYouthConsent() ? contactOf(youth) : "",
                    "rendezVous", meeting));
        }
        return mentorship;
    }

    /** How the mentor can reach the youth: a phone the youth gave, or the WhatsApp number; never a platform id. */
    static String contactOf(Youth youth) {
        if (youth.getContactPhone() != null && !youth.getContactPhone().isBlank()) {
            return youth.getContactPhone();
        }
        if ("whatsapp".equals(youth.getChannel()) && youth.getExternalId() != null && youth.getExternalId().matches("\\d{8,15}")) {
            return "+" + youth.getExternalId() + " (WhatsApp)";
        }
        return youth.getContactEmail() == null ? "" : youth.getContactEmail();
    }

    /**
     * Asks both sides how it goes; returns how many check-ins in a row before this one nobody answered, so the
     * journey can close a silent mentorship.
     */
    @Transactional
    public int askCheckIn(Long mentorshipId) {
        Mentorship mentorship = mentorships.findById(mentorshipId).orElseThrow();
        int silent = 0;
        for (MentorshipCheckIn earlier : checkIns.findByMentorshipIdOrderByAskedAtDesc(mentorshipId)) {
            if (earlier.answeredByAnyone()) {
                break;
            }
            silent++;
        }
        String nonce = MentorLinks.newNonce();
        MentorshipCheckIn checkIn = checkIns.save(new MentorshipCheckIn(mentorshipId, nonce, clock.instant()));
        Mentor mentor = mentors.findById(mentorship.getMentorId()).orElseThrow();
        Journey journey = journeys.findById(mentorship.getJourneyId()).orElseThrow();
        String youthName = nz(journey.getYouth().getFirstName());
        if (mentor.getEmail() != null) {
            mailer.checkIn(mentor.getEmail(), Map.of("mentor", mentor.getFirstName(), "jeune", youthName,
                    "lien", links.url(MentorLinks.Purpose.CHECK_IN, checkIn.getId(), nonce)));
        }
        if (journey.getYouth().getOptedOutAt() == null) {
            outbound.send(journey, ConversationMessage.Kind.NUDGE, texts.render(ProgrammeTexts.YOUTH_CHECK_IN,
                    Map.of("prenom", youthName, "mentor", mentor.fullName())),
                    new Template(Template.MENTORSHIP_CHECK_IN, List.of(youthName, mentor.fullName())), CHECK_IN_REPLIES);
        }
        return silent;
    }

    /** The check-in this link may still answer. */
    @Transactional(readOnly = true)
    public Optional<MentorshipCheckIn> openCheckIn(String token) {
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.CHECK_IN, token);
        if (verified.check() != ReferralLinks.Check.VALID) {
            return Optional.empty();
        }
        return checkIns.findById(verified.referralId())
                .filter(c -> c.getMentorAnswer() == null && Objects.equals(c.getLinkNonce(), verified.nonce()))
                .filter(c -> mentorships.findById(c.getMentorshipId()).map(m -> m.getStatus() == Mentorship.Status.ACTIVE).orElse(false));
    }

    @Transactional(readOnly = true)
    public LinkState checkInState(String token) {
        if (openCheckIn(token).isPresent()) {
            return LinkState.OPEN;
        }
        ReferralLinks.Verified verified = links.verify(MentorLinks.Purpose.CHECK_IN, token);
        if (verified.check() == ReferralLinks.Check.TAMPERED || checkIns.findById(verified.referralId()).isEmpty()) {
            return LinkState.INVALID;
        }
        return verified.check() == ReferralLinks.Check.EXPIRED ? LinkState.EXPIRED : LinkState.ALREADY_ANSWERED;
    }

    /** The mentor's check-in; "over" ends the mentorship with the outcome the mentor chose. */
    @Transactional
    public LinkState mentorCheckIn(String token, String answer, String outcome, String note) {
        MentorshipCheckIn checkIn = openCheckIn(token).orElse(null);
        if (checkIn == null) {
            return checkInState(token);
        }
        checkIn.mentorAnswered(answer, note, clock.instant());
        if (MentorshipCheckIn.OVER.equals(answer)) {
            end(checkIn.getMentorshipId(), outcome, Mentorship.EndedBy.MENTOR);
        }
        return LinkState.OPEN;
    }

    /**
     * A youth's message while a check-in waits for their answer: "1", "2" or "3" (or the words) is the answer,
     * "3" ends the mentorship; anything else is an ordinary message for the mediator.
     */
    @Transactional
    public boolean youthWrote(Long journeyId, String body) {
        Optional<Mentorship> active = mentorships.findFirstByJourneyIdAndStatus(journeyId, Mentorship.Status.ACTIVE);
        if (active.isEmpty() || body == null) {
            return false;
        }
        // Only a recent check-in: "3" written weeks later is about something else.
        Optional<MentorshipCheckIn> waiting = checkIns.findFirstByMentorshipIdOrderByAskedAtDesc(active.get().getId())
                .filter(c -> c.getYouthAnswer() == null && c.getAskedAt().isAfter(clock.instant().minus(java.time.Duration.ofDays(14))));
        String answer = youthAnswer(body);
        if (waiting.isEmpty() || answer == null) {
            return false;
        }
        waiting.get().youthAnswered(answer, clock.instant());
        if (MentorshipCheckIn.OVER.equals(answer)) {
            end(active.get().getId(), "abandon", Mentorship.EndedBy.YOUTH);
        }
        return true;
    }

    static String youthAnswer(String body) {
        String words = java.text.Normalizer.normalize(body.strip().toLowerCase(java.util.Locale.FRENCH), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[.! ]+$", "");
        if (words.equals("1") || words.matches("(ca se passe )?(tres )?bien")) {
            return MentorshipCheckIn.GOING_WELL;
        }
        if (words.equals("2") || words.matches("pas encore( vus?)?")) {
            return MentorshipCheckIn.NOT_MET_YET;
        }
        if (words.equals("3") || words.matches("(je veux )?arreter( le mentorat)?")) {
            return MentorshipCheckIn.OVER;
        }
        return null;
    }

    /** Delivers an early end to the running mentorship (the process records it and frees the place). */
    @Transactional
    public void end(Long mentorshipId, String outcome, Mentorship.EndedBy by) {
        runtime.createMessageCorrelation(MentorshipProcess.Messages.ENDED)
                .processInstanceVariableEquals(MentorshipProcess.Vars.MENTORSHIP_ID, mentorshipId)
                .setVariables(Variables.createVariables().putValue(MentorshipProcess.Vars.OUTCOME, outcome)
                        .putValue(MentorshipProcess.Vars.ENDED_BY, by.name()))
                .correlateAllWithResult();
    }

    /** Records the end; the mentor's place is free from now on. */
    @Transactional
    public void close(Long mentorshipId, String outcome, Mentorship.EndedBy by) {
        mentorships.findById(mentorshipId).orElseThrow().end(outcome, by, clock.instant());
    }

    /** The mentor left: each mentorship ends, and its youth's search looks for another mentor. */
    @Transactional
    public void mentorLeft(Long mentorId) {
        for (Mentorship mentorship : mentorships.findByMentorIdAndStatus(mentorId, Mentorship.Status.ACTIVE)) {
            end(mentorship.getId(), "mentorParti", Mentorship.EndedBy.MENTOR);
        }
    }

    /**
     * The youth's erasure: what mentors typed about them goes, a proposal still waiting stops working and a running
     * mentorship ends (the mentor's place is free).
     */
    @Transactional
    public void forgetYouth(Long journeyId) {
        for (MentorMatch match : matches.findByJourneyId(journeyId)) {
            match.forgetYouth();
            match.close(MentorMatch.Status.WITHDRAWN, clock.instant());
        }
        for (Mentorship mentorship : mentorships.findByJourneyId(journeyId)) {
            checkIns.findByMentorshipIdOrderByAskedAtDesc(mentorship.getId()).forEach(MentorshipCheckIn::forgetYouth);
            mentorship.end("abandon", Mentorship.EndedBy.PASSERELLE, clock.instant());
        }
    }

    /** The mentor's erasure: what they typed in check-ins and proposals goes. */
    @Transactional
    public void forgetMentor(Long mentorId) {
        for (MentorMatch match : matches.findByMentorIdAndStatus(mentorId, MentorMatch.Status.ACCEPTED)) {
            match.forgetMentor();
        }
        for (MentorMatch match : matches.findByMentorIdAndStatus(mentorId, MentorMatch.Status.REFUSED)) {
            match.forgetMentor();
        }
        for (Mentorship mentorship : mentorships.findByMentorId(mentorId)) {
            checkIns.findByMentorshipIdOrderByAskedAtDesc(mentorship.getId()).forEach(MentorshipCheckIn::forgetYouth);
        }
    }

    /** Whether a mentor never mentored anybody. */
    @Transactional(readOnly = true)
    public boolean isEmptyFor(Long mentorId) {
        return mentorships.findByMentorId(mentorId).isEmpty();
    }

    @Transactional(readOnly = true)
    public Mentorship mentorshipOf(MentorshipCheckIn checkIn) {
        return mentorships.findById(checkIn.getMentorshipId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public String youthFirstName(Mentorship mentorship) {
        return journeys.findById(mentorship.getJourneyId()).map(j -> j.getYouth().getFirstName()).orElse(null);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
