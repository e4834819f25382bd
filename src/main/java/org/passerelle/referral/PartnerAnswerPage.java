package org.passerelle.referral;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.passerelle.web.TemplatePages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a partner opens from its email, without an account. A tampered, expired or already used
 * link gets a clear page and changes nothing.
 */
@RestController
@RequestMapping("/partenaires/orientation")
public class PartnerAnswerPage {

    private final PartnerAnswers answers;
    private final Referrals referrals;
    private final java.time.Clock clock;

    private final String teamContact;
    private final TemplatePages pages;

    public PartnerAnswerPage(PartnerAnswers answers, Referrals referrals, java.time.Clock clock, ReferralSettings settings,
            TemplatePages pages) {
        this.pages = pages;
        this.answers = answers;
        this.referrals = referrals;
        this.clock = clock;
        this.teamContact = settings.getTeamContact();
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> show(@RequestParam(name = "t", required = false) String token) {
        PartnerAnswers.Outcome state = answers.check(token);
        if (state != PartnerAnswers.Outcome.RECORDED) {
            var accepted = answers.correctable(token);
            return accepted.isPresent() ? correctionForm(token, accepted.get()) : refusal(state);
        }
        Referral referral = referrals.referral(answers.referralIdOf(token));
        var youth = referrals.summary(referral.getJourneyId());
        String partner = referrals.partnerOf(referral).getName();
        Map<String, Object> values = new HashMap<>();
        values.put("youthName", youth.firstName() == null ? "un jeune" : youth.firstName());
        values.put("age", youth.age());
        values.put("departement", youth.departement());
        values.put("need", youth.need());
        values.put("token", token);
        values.put("reasons", RefusalReasons.LABELS);
        return view(HttpStatus.OK, "Orientation vers " + partner, "form", values);
    }

    @PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> answer(@RequestParam(name = "t", required = false) String token,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String appointment,
            @RequestParam(required = false) String time, @RequestParam(required = false) String place,
            @RequestParam(required = false) String contact, @RequestParam(required = false) String confirme,
            @RequestParam(required = false) String reason) {
        // The link first: an expired or used link has nothing left to fill in.
        PartnerAnswers.Outcome state = answers.check(token);
        if (state != PartnerAnswers.Outcome.RECORDED) {
            return refusal(state);
        }
        boolean accepted = "accepte".equals(decision);
        if (!accepted && !"refuse".equals(decision)) {
            return incomplete(token, "Réponse incomplète", "Choisissez d'accepter ou de refuser l'orientation.");
        }
        Appointment given = null;
        if (accepted) {
            try {
                given = AppointmentInput.read(appointment, time, place, contact, LocalDate.now(clock));
            } catch (AppointmentInput.Refused refused) {
                return incomplete(token, refused.title(), refused.getMessage());
            }
            if (given.isUnusualDay() && !"oui".equals(confirme)) {
                return confirmUnusualDay(token, given);
            }
        }
        if (!accepted && !PartnerAnswers.REFUSAL_REASONS.contains(reason)) {
            return incomplete(token, "Motif manquant", "Indiquez le motif du refus.");
        }
        PartnerAnswers.Outcome outcome;
        try {
            outcome = answers.answer(token, accepted, given, reason);
        } catch (RuntimeException concurrentAnswer) {
            // Two submissions at once (a double click, two colleagues): the first one won.
            PartnerAnswers.Outcome now = answers.check(token);
            return now != PartnerAnswers.Outcome.RECORDED ? refusal(now)
                    : view(HttpStatus.SERVICE_UNAVAILABLE, "Réponse non enregistrée", "notSaved", Map.of());
        }
        if (outcome != PartnerAnswers.Outcome.RECORDED) {
            return refusal(outcome);
        }
        return view(HttpStatus.OK, "Merci, votre réponse est enregistrée", accepted ? "accepted" : "refused", Map.of());
    }

    /** The accepted appointment, and a form to move it: until the day before, through the link that accepted. */
    private ResponseEntity<String> correctionForm(String token, Referral referral) {
        Appointment current = referral.getAppointment();
        var youth = referrals.summary(referral.getJourneyId());
        Map<String, Object> values = new HashMap<>();
        values.put("youthName", youth.firstName() == null ? "ce jeune" : youth.firstName());
        values.put("when", current.inWords(LocalDate.now(clock)));
        values.put("token", token);
        values.put("date", current.date().toString());
        values.put("time", current.time() == null ? "" : current.time().toString());
        values.put("place", current.place() == null ? "" : current.place());
        values.put("contact", current.contact() == null ? "" : current.contact());
        return view(HttpStatus.OK, "Rendez-vous accepté", "correction", values);
    }

    @PostMapping(path = "/correction", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> correct(@RequestParam(name = "t", required = false) String token,
            @RequestParam(required = false) String appointment, @RequestParam(required = false) String time,
            @RequestParam(required = false) String place, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String confirme) {
        if (answers.correctable(token).isEmpty()) {
            PartnerAnswers.Outcome state = answers.check(token);
            return state == PartnerAnswers.Outcome.RECORDED || state == PartnerAnswers.Outcome.ALREADY_ANSWERED
                    ? view(HttpStatus.CONFLICT, "Correction impossible", "noLongerCorrectable", Map.of())
                    : refusal(state);
        }
        Appointment given;
        try {
            given = AppointmentInput.read(appointment, time, place, contact, LocalDate.now(clock));
        } catch (AppointmentInput.Refused refused) {
            return incomplete(token, refused.title(), refused.getMessage());
        }
        if (given.isUnusualDay() && !"oui".equals(confirme)) {
            return confirmUnusualDay(token, given, "/partenaires/orientation/correction");
        }
        if (!answers.correct(token, given)) {
            return view(HttpStatus.CONFLICT, "Correction impossible", "correctionRefused", Map.of());
        }
        return view(HttpStatus.OK, "Rendez-vous corrigé", "corrected", Map.of("when", given.inWords(LocalDate.now(clock))));
    }

    private ResponseEntity<String> confirmUnusualDay(String token, Appointment given) {
        return confirmUnusualDay(token, given, "/partenaires/orientation");
    }

    /** A Sunday or a public holiday is probably a slip: the partner confirms or goes back, nothing typed is lost. */
    private ResponseEntity<String> confirmUnusualDay(String token, Appointment given, String action) {
        Map<String, Object> values = new HashMap<>();
        values.put("day", given.date().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH)));
        values.put("action", action);
        values.put("token", token);
        values.put("encodedToken", encoded(token));
        values.put("date", given.date().toString());
        values.put("time", given.time().toString());
        values.put("place", given.place());
        values.put("contact", given.contact() == null ? "" : given.contact());
        return view(HttpStatus.OK, "Un dimanche ou un jour férié ?", "unusualDay", values);
    }

    /** Nothing recorded: says what is missing and leads back to the form. */
    private ResponseEntity<String> incomplete(String token, String title, String what) {
        return view(HttpStatus.BAD_REQUEST, title, "incomplete", Map.of("what", what, "encodedToken", encoded(token)));
    }

    private ResponseEntity<String> refusal(PartnerAnswers.Outcome outcome) {
        return switch (outcome) {
            case EXPIRED -> view(HttpStatus.GONE, "Lien expiré", "expired", Map.of());
            case ALREADY_ANSWERED -> view(HttpStatus.CONFLICT, "Réponse déjà enregistrée", "alreadyAnswered", Map.of());
            default -> view(HttpStatus.BAD_REQUEST, "Lien invalide", "invalid", Map.of());
        };
    }

    /** Every page says whom to ask: a partner who is stuck must reach a person. */
    private ResponseEntity<String> view(HttpStatus status, String title, String view, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("view", view);
        all.put("teamContact", teamContact);
        return pages.page(status, "partner/answer", title, all);
    }

    private static String encoded(String token) {
        return java.net.URLEncoder.encode(token == null ? "" : token, java.nio.charset.StandardCharsets.UTF_8);
    }
}
