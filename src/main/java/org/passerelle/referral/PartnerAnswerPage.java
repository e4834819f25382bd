package org.passerelle.referral;

import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.passerelle.web.HtmlPages;

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

    public PartnerAnswerPage(PartnerAnswers answers, Referrals referrals, java.time.Clock clock, ReferralSettings settings) {
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
        return page(HttpStatus.OK, "Orientation vers " + partner, """
                <p>Passerelle vous oriente <strong>%s</strong>%s, département %s.</p>
                <p>%s</p>
                <form method="post" action="/partenaires/orientation">
                  <input type="hidden" name="t" value="%s">
                  <fieldset><legend>Vous pouvez l'accueillir</legend>
                    <label for="appointment">Date du premier rendez-vous</label>
                    <input type="date" id="appointment" name="appointment" required>
                    <label for="time">Heure</label>
                    <input type="time" id="time" name="time" required>
                    <label for="place">Lieu (adresse ou antenne)</label>
                    <input type="text" id="place" name="place" maxlength="300" size="50" required>
                    <label for="contact">Personne à demander et téléphone</label>
                    <input type="text" id="contact" name="contact" maxlength="200" size="40">
                    <button type="submit" name="decision" value="accepte">J'accepte l'orientation</button>
                  </fieldset>
                  <fieldset><legend>Vous ne pouvez pas l'accueillir</legend>
                    <label for="reason">Motif</label>
                    <select id="reason" name="reason">%s</select>
                    <button type="submit" name="decision" value="refuse" formnovalidate>Je refuse l'orientation</button>
                  </fieldset>
                </form>""".formatted(escape(youth.firstName() == null ? "un jeune" : youth.firstName()),
                youth.age() == null ? "" : ", " + youth.age() + " ans", escape(youth.departement()), escape(youth.need()),
                escape(token), RefusalReasons.LABELS.entrySet().stream()
                        .map(r -> "<option value=\"" + r.getKey() + "\">" + escape(r.getValue()) + "</option>")
                        .collect(java.util.stream.Collectors.joining())));
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
            return now != PartnerAnswers.Outcome.RECORDED ? refusal(now) : page(HttpStatus.SERVICE_UNAVAILABLE,
                    "Réponse non enregistrée", "<p>Votre réponse n'a pas pu être enregistrée. Réessayez dans un instant.</p>");
        }
        if (outcome != PartnerAnswers.Outcome.RECORDED) {
            return refusal(outcome);
        }
        return page(HttpStatus.OK, "Merci, votre réponse est enregistrée", accepted
                ? "<p>Le jeune sera prévenu de votre accord. Merci pour votre accompagnement.</p>"
                : "<p>Nous proposerons une autre structure au jeune. Merci de votre réponse.</p>");
    }

    /** The accepted appointment, and a form to move it: until the day before, through the link that accepted. */
    private ResponseEntity<String> correctionForm(String token, Referral referral) {
        Appointment current = referral.getAppointment();
        var youth = referrals.summary(referral.getJourneyId());
        return page(HttpStatus.OK, "Rendez-vous accepté", """
                <p>Vous avez accepté d'accueillir <strong>%s</strong> %s.</p>
                <p>Une erreur ou un empêchement ? Vous pouvez corriger ce rendez-vous jusqu'à la veille ; le jeune et
                l'équipe de médiation seront prévenus du changement.</p>
                <form method="post" action="/partenaires/orientation/correction">
                  <input type="hidden" name="t" value="%s">
                  <fieldset><legend>Corriger le rendez-vous</legend>
                    <label for="appointment">Date du premier rendez-vous</label>
                    <input type="date" id="appointment" name="appointment" value="%s" required>
                    <label for="time">Heure</label>
                    <input type="time" id="time" name="time" value="%s" required>
                    <label for="place">Lieu (adresse ou antenne)</label>
                    <input type="text" id="place" name="place" maxlength="300" size="50" value="%s" required>
                    <label for="contact">Personne à demander et téléphone</label>
                    <input type="text" id="contact" name="contact" maxlength="200" size="40" value="%s">
                    <button type="submit">Enregistrer le nouveau rendez-vous</button>
                  </fieldset>
                </form>""".formatted(escape(youth.firstName() == null ? "ce jeune" : youth.firstName()),
                escape(current.inWords(LocalDate.now(clock))), escape(token), current.date(),
                current.time() == null ? "" : current.time(), escape(current.place() == null ? "" : current.place()),
                escape(current.contact() == null ? "" : current.contact())));
    }

    @PostMapping(path = "/correction", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> correct(@RequestParam(name = "t", required = false) String token,
            @RequestParam(required = false) String appointment, @RequestParam(required = false) String time,
            @RequestParam(required = false) String place, @RequestParam(required = false) String contact,
            @RequestParam(required = false) String confirme) {
        if (answers.correctable(token).isEmpty()) {
            PartnerAnswers.Outcome state = answers.check(token);
            return state == PartnerAnswers.Outcome.RECORDED || state == PartnerAnswers.Outcome.ALREADY_ANSWERED
                    ? page(HttpStatus.CONFLICT, "Correction impossible", "<p>Ce rendez-vous ne peut plus être corrigé "
                            + "en ligne (il a lieu demain ou est passé, ou l'orientation n'est pas acceptée). "
                            + "Contactez l'équipe de médiation.</p>")
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
            return page(HttpStatus.CONFLICT, "Correction impossible", "<p>Ce rendez-vous ne peut plus être corrigé en ligne. "
                    + "Contactez l'équipe de médiation.</p>");
        }
        return page(HttpStatus.OK, "Rendez-vous corrigé", "<p>Le nouveau rendez-vous est enregistré : "
                + escape(given.inWords(LocalDate.now(clock))) + ". Le jeune en est prévenu.</p>");
    }

    private ResponseEntity<String> confirmUnusualDay(String token, Appointment given) {
        return confirmUnusualDay(token, given, "/partenaires/orientation");
    }

    /** A Sunday or a public holiday is probably a slip: the partner confirms or goes back, nothing typed is lost. */
    private ResponseEntity<String> confirmUnusualDay(String token, Appointment given, String action) {
        return page(HttpStatus.OK, "Un dimanche ou un jour férié ?", "<p>Le " + escape(given.date().format(
                java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH)))
                + " est un dimanche ou un jour férié. Confirmez-vous ce rendez-vous ?</p>"
                + "<form method=\"post\" action=\"" + action + "\">"
                + hidden("t", token) + hidden("decision", "accepte") + hidden("appointment", given.date().toString())
                + hidden("time", given.time().toString()) + hidden("place", given.place())
                + hidden("contact", given.contact() == null ? "" : given.contact()) + hidden("confirme", "oui")
                + "<button type=\"submit\">Oui, je confirme ce rendez-vous</button></form>"
                + "<p><a href=\"/partenaires/orientation?t=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                + "\">Non, choisir un autre jour</a></p>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    /** Nothing recorded: says what is missing and leads back to the form. */
    private ResponseEntity<String> incomplete(String token, String title, String what) {
        return page(HttpStatus.BAD_REQUEST, title, "<p>" + escape(what) + "</p><p><a href=\"/partenaires/orientation?t="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "\">Revenir à l'orientation</a></p>");
    }

    private ResponseEntity<String> refusal(PartnerAnswers.Outcome outcome) {
        return switch (outcome) {
            case EXPIRED -> page(HttpStatus.GONE, "Lien expiré",
                    "<p>Ce lien n'est plus valable. L'équipe de médiation a repris la main : contactez-la si besoin.</p>");
            case ALREADY_ANSWERED -> page(HttpStatus.CONFLICT, "Réponse déjà enregistrée",
                    "<p>Une réponse a déjà été donnée pour cette orientation. Rien n'a été modifié.</p>");
            default -> page(HttpStatus.BAD_REQUEST, "Lien invalide",
                    "<p>Ce lien est incomplet ou a été modifié. Utilisez le lien reçu par e-mail.</p>");
        };
    }

    /** Every page says whom to ask: a partner who is stuck must reach a person. */
    private ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return HtmlPages.page(status, title, body + "<p>Une question ? L'équipe de médiation Passerelle : "
                + escape(teamContact) + "</p>");
    }

    private static String escape(String value) {
        return HtmlPages.escape(value);
    }
}
