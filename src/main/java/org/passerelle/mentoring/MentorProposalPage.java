package org.passerelle.mentoring;

import org.passerelle.web.HtmlPages;
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
        return pages.page(HttpStatus.OK, "Accompagner " + (youth.firstName() == null ? "un jeune" : youth.firstName()) + " ?", """
                <p><strong>%s</strong> (département %s) a un projet précis : %s%s.</p>
                <form method="post" action="/mentors/proposition">%s
                  <fieldset><legend>J'accepte</legend>
                    <label for="rendezVous">Premier rendez-vous que vous proposez (facultatif : jour, heure, lieu ou visio)</label>
                    <input type="text" id="rendezVous" name="rendezVous" maxlength="%d" size="50">
                    <button type="submit" name="decision" value="accepte">J'accepte d'accompagner ce jeune</button>
                  </fieldset>
                  <fieldset><legend>Je ne peux pas</legend>
                    <label for="motif">Raison</label>
                    <select id="motif" name="motif"><option value="">Choisir…</option>%s</select>
                    <button type="submit" name="decision" value="refuse" formnovalidate>Je décline</button>
                  </fieldset>
                </form>""".formatted(HtmlPages.escape(youth.firstName() == null ? "Ce jeune" : youth.firstName()),
                HtmlPages.escape(youth.departement()), HtmlPages.escape(youth.project() == null ? "non précisé" : youth.project()),
                youth.goal() == null ? "" : " (" + HtmlPages.escape(youth.goal()) + ")", MentorPages.hidden("t", token), MAX_MEETING,
                MentorPages.options(MentorVocabulary.DECLINE_REASONS)));
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
            return now != MentorProposals.LinkState.OPEN ? refusal(now) : pages.page(HttpStatus.SERVICE_UNAVAILABLE,
                    "Réponse non enregistrée", "<p>Votre réponse n'a pas pu être enregistrée. Réessayez dans un instant.</p>");
        }
        if (state != MentorProposals.LinkState.OPEN) {
            return refusal(state);
        }
        return pages.page(HttpStatus.OK, "Merci, votre réponse est enregistrée", accepted
                ? "<p>Le jeune va recevoir vos coordonnées de mentor, et vous, un courriel pour faire connaissance. Merci !</p>"
                : "<p>Nous proposerons un autre mentor à ce jeune. Merci d'avoir répondu.</p>");
    }

    private ResponseEntity<String> incomplete(String token, String what) {
        return pages.page(HttpStatus.BAD_REQUEST, "Réponse incomplète", "<p>" + HtmlPages.escape(what) + "</p><p><a href=\"/mentors/proposition?t="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "\">Revenir à la proposition</a></p>");
    }

    private ResponseEntity<String> refusal(MentorProposals.LinkState state) {
        return switch (state) {
            case EXPIRED -> pages.expired();
            case ALREADY_ANSWERED -> pages.alreadyAnswered();
            default -> pages.invalid();
        };
    }
}
