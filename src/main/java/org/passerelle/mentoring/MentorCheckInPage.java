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
        Map<String, Object> values = new HashMap<>();
        values.put("token", token);
        values.put("answer", answer);
        values.put("outcome", outcome);
        values.put("outcomes", MentorVocabulary.CHOSEN_OUTCOMES);
        values.put("note", note);
        values.put("maxNote", MAX_NOTE);
        values.put("problem", problem);
        return pages.page(problem == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "check-in",
                "Où en est votre mentorat" + (youth == null ? "" : " avec " + youth) + " ?", "form", values);
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
            return now != Mentorships.LinkState.OPEN ? refusal(now) : pages.notSaved();
        }
        if (state != Mentorships.LinkState.OPEN) {
            return refusal(state);
        }
        return pages.page(HttpStatus.OK, "check-in", "Merci !", MentorshipCheckIn.OVER.equals(answer) ? "over" : "recorded", Map.of());
    }

    private ResponseEntity<String> refusal(Mentorships.LinkState state) {
        return switch (state) {
            case EXPIRED -> pages.expired();
            case ALREADY_ANSWERED -> pages.alreadyAnswered();
            default -> pages.invalid();
        };
    }
}
