package org.passerelle.mentoring;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a mentor opens from a proposal email, without an account: accept (and propose a first meeting) or
 * decline with a reason. A tampered, expired or already used link gets a clear page and changes nothing.
 */
@RestController
@RequestMapping("/mentors/proposition")
public class MentorProposalPage {

    static final int MAX_MEETING = 300;

    private final MentorProposals proposals;
    private final MentorPages pages;

    public MentorProposalPage(MentorProposals proposals, MentorPages pages) {
        this.proposals = proposals;
        this.pages = pages;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        MentorMatch match = proposals.open(token).orElse(null);
        if (match == null) {
            return refusal(proposals.check(token));
        }
        MentorProposals.YouthSummary youth = proposals.youthOf(match.getJourneyId());
        Map<String, Object> values = new HashMap<>();
        values.put("youthName", youth.firstName() == null ? "Ce jeune" : youth.firstName());
        values.put("departement", youth.departement());
        values.put("project", youth.project() == null ? "non précisé" : youth.project());
        values.put("goal", youth.goal());
        values.put("token", token);
        values.put("maxMeeting", MAX_MEETING);
        values.put("reasons", MentorVocabulary.DECLINE_REASONS);
        return pages.page(HttpStatus.OK, "proposal", "Accompagner " + (youth.firstName() == null ? "un jeune" : youth.firstName()) + " ?",
                "form", values);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
            @RequestParam(required = false) String decision, @RequestParam(name = "rendezVous", required = false) String meeting,
            @RequestParam(name = "motif", required = false) String reason) {
        if (proposals.open(token).isEmpty()) {
            return refusal(proposals.check(token));
        }
        boolean accepted = "accepte".equals(decision);
        if (!accepted && !"refuse".equals(decision)) {
            return incomplete(token, "Choisissez d'accepter ou de décliner la proposition.");
        }
        String firstMeeting = MentorPages.note(meeting);
        if (accepted && firstMeeting != null && firstMeeting.length() > MAX_MEETING) {
            return incomplete(token, "Le premier rendez-vous tient en " + MAX_MEETING + " caractères au plus.");
        }
        if (!accepted && !MentorVocabulary.DECLINE_REASONS.containsKey(reason)) {
            return incomplete(token, "Indiquez la raison pour laquelle vous déclinez.");
        }
        MentorProposals.LinkState state;
        try {
            state = proposals.answer(token, accepted, accepted ? firstMeeting : null, accepted ? null : reason);
        } catch (RuntimeException concurrentAnswer) {
            // A double click: the first answer won.
            MentorProposals.LinkState now = proposals.check(token);
            return now != MentorProposals.LinkState.OPEN ? refusal(now) : pages.notSaved();
        }
        if (state != MentorProposals.LinkState.OPEN) {
            return refusal(state);
        }
        return pages.page(HttpStatus.OK, "proposal", "Merci, votre réponse est enregistrée", accepted ? "accepted" : "declined", Map.of());
    }

    private ResponseEntity<String> incomplete(String token, String what) {
        return pages.page(HttpStatus.BAD_REQUEST, "proposal", "Réponse incomplète", "incomplete",
                Map.of("what", what, "encodedToken", MentorPages.encoded(token)));
    }

    private ResponseEntity<String> refusal(MentorProposals.LinkState state) {
        return switch (state) {
            case EXPIRED -> pages.expired();
            case ALREADY_ANSWERED -> pages.alreadyAnswered();
            default -> pages.invalid();
        };
    }
}
