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

/** A mentor's check-in, from the link of a check-in email: how it goes, or that it is over and how. */
@RestController
@RequestMapping("/mentors/point")
public class MentorCheckInPage {

    static final int MAX_NOTE = 1000;

    private final Mentorships mentorships;
    private final MentorPages pages;

    public MentorCheckInPage(Mentorships mentorships, MentorPages pages) {
        this.mentorships = mentorships;
        this.pages = pages;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        if (mentorships.openCheckIn(token).isEmpty()) {
            return refusal(mentorships.checkInState(token));
        }
        return form(token, null, null, null, null);
    }

    /** The check-in form, with what the mentor typed and what is missing (nothing typed is lost). */
    private ResponseEntity<String> form(String token, String answer, String outcome, String note, String problem) {
        MentorshipCheckIn checkIn = mentorships.openCheckIn(token).orElseThrow();
        String youth = mentorships.youthFirstName(mentorships.mentorshipOf(checkIn));
        String options = MentorVocabulary.CHOSEN_OUTCOMES.entrySet().stream().map(e -> "<option value=\"" + e.getKey() + "\""
                + (e.getKey().equals(outcome) ? " selected" : "") + ">" + HtmlPages.escape(e.getValue()) + "</option>")
                .collect(java.util.stream.Collectors.joining());
        return pages.page(problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                "Où en est votre mentorat" + (youth == null ? "" : " avec " + youth) + " ?",
                (problem == null ? "" : "<p class=\"errors\" role=\"alert\" id=\"erreur\">" + HtmlPages.escape(problem) + "</p>") + """
                <form method="post" action="/mentors/point"%s>%s
                  <fieldset><legend>Votre mentorat</legend>
                    <label><input type="radio" name="reponse" value="bien" required%s> Nous nous sommes vus, cela avance</label>
                    <label><input type="radio" name="reponse" value="pasEncoreVus"%s> Nous ne nous sommes pas encore rencontrés</label>
                    <label><input type="radio" name="reponse" value="termine"%s> Le mentorat est terminé</label>
                    <label for="issue">S'il est terminé : son issue</label>
                    <select id="issue" name="issue"><option value="">Choisir…</option>%s</select>
                    <label for="note">Un mot pour l'équipe de médiation (facultatif, sans information sensible)</label>
                    <textarea id="note" name="note" maxlength="%d" rows="4" cols="50">%s</textarea>
                    <button type="submit">Envoyer</button>
                  </fieldset>
                </form>""".formatted(problem == null ? "" : " aria-describedby=\"erreur\"", MentorPages.hidden("t", token), checked(answer, MentorshipCheckIn.GOING_WELL),
                checked(answer, MentorshipCheckIn.NOT_MET_YET), checked(answer, MentorshipCheckIn.OVER), options, MAX_NOTE,
                HtmlPages.escape(note)));
    }

    private static String checked(String answer, String value) {
        return value.equals(answer) ? " checked" : "";
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
            @RequestParam(name = "reponse", required = false) String answer, @RequestParam(name = "issue", required = false) String outcome,
            @RequestParam(required = false) String note) {
        if (mentorships.openCheckIn(token).isEmpty()) {
            return refusal(mentorships.checkInState(token));
        }
        if (!java.util.List.of(MentorshipCheckIn.GOING_WELL, MentorshipCheckIn.NOT_MET_YET, MentorshipCheckIn.OVER).contains(answer)) {
            return form(token, null, outcome, note, "Choisissez où en est le mentorat.");
        }
        if (MentorshipCheckIn.OVER.equals(answer) && !MentorVocabulary.CHOSEN_OUTCOMES.containsKey(outcome)) {
            return form(token, answer, null, note, "Le mentorat est terminé : choisissez son issue (stage, alternance, emploi, formation ou abandon).");
        }
        String cleanNote = MentorPages.note(note);
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            return form(token, answer, outcome, note, "Le mot pour l'équipe tient en " + MAX_NOTE + " caractères au plus.");
        }
        Mentorships.LinkState state;
        try {
            state = mentorships.mentorCheckIn(token, answer, MentorshipCheckIn.OVER.equals(answer) ? outcome : null, cleanNote);
        } catch (RuntimeException concurrentAnswer) {
            Mentorships.LinkState now = mentorships.checkInState(token);
            return now != Mentorships.LinkState.OPEN ? refusal(now) : pages.page(HttpStatus.SERVICE_UNAVAILABLE,
                    "Réponse non enregistrée", "<p>Votre réponse n'a pas pu être enregistrée. Réessayez dans un instant.</p>");
        }
        if (state != Mentorships.LinkState.OPEN) {
            return refusal(state);
        }
        return pages.page(HttpStatus.OK, "Merci !", MentorshipCheckIn.OVER.equals(answer)
                ? "<p>Le mentorat est clos. Merci pour votre engagement : votre place est de nouveau libre pour un autre jeune.</p>"
                : "<p>Votre point est enregistré. Nous vous redemanderons des nouvelles dans quelques semaines.</p>");
    }

    private ResponseEntity<String> refusal(Mentorships.LinkState state) {
        return switch (state) {
            case EXPIRED -> pages.expired();
            case ALREADY_ANSWERED -> pages.alreadyAnswered();
            default -> pages.invalid();
        };
    }
}
