package org.passerelle.mentoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The public page where a professional offers to mentor, and the link that confirms their address. An invalid
 * sign-up comes back with every error and what was typed; a valid one always gets the same answer (nobody learns
 * from it whether an address is already a mentor's).
 */
@RestController
@RequestMapping("/mentors")
public class MentorSignUpPage {

    /** Sign-ups per source and hour: enough for a company's colleagues behind one address, not for a script. */
    static final int SIGN_UPS_PER_HOUR = 20;

    private final MentorSignUps signUps;
    private final Cache<String, Bucket> sources = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2))
            .maximumSize(100_000).build();

    public MentorSignUpPage(MentorSignUps signUps) {
        this.signUps = signUps;
    }

    @GetMapping(path = "/inscription", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form() {
        return HtmlPages.page(HttpStatus.OK, "Devenir mentor", intro() + form(empty(), List.of()));
    }

    @PostMapping(path = "/inscription", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> signUp(HttpServletRequest request, @RequestParam Map<String, String> fields,
            @RequestParam(name = "aides", required = false) List<String> helps,
            @RequestParam(name = "objectifs", required = false) List<String> goals) {
        MentorProfileInput.Typed typed = typed(fields, helps, goals);
        if (!fields.getOrDefault("site", "").isEmpty()) {
            // The hidden field only robots fill: answered as a success, nothing stored.
            return sent();
        }
        Mentor.Profile profile;
        try {
            profile = MentorProfileInput.read(typed);
        } catch (MentorProfileInput.Refused refused) {
            return HtmlPages.page(HttpStatus.BAD_REQUEST, "Devenir mentor", form(typed, refused.problems()));
        }
        if (!"oui".equals(fields.get("accord"))) {
            return HtmlPages.page(HttpStatus.BAD_REQUEST, "Devenir mentor", form(typed,
                    List.of("Cochez la case d'accord sur l'usage de vos données pour vous inscrire.")));
        }
        Bucket bucket = sources.get(request.getRemoteAddr(), source -> Bucket.builder()
                .addLimit(limit -> limit.capacity(SIGN_UPS_PER_HOUR).refillGreedy(SIGN_UPS_PER_HOUR, Duration.ofHours(1))).build());
        if (!bucket.tryConsume(1)) {
            return HtmlPages.page(HttpStatus.TOO_MANY_REQUESTS, "Trop d'inscriptions", "<p>Trop d'inscriptions ont été envoyées "
                    + "depuis votre connexion. Réessayez dans une heure.</p>");
        }
        try {
            signUps.signUp(profile);
        } catch (org.springframework.dao.DataIntegrityViolationException sameAddressAtOnce) {
            // Two sign-ups with the same new address at the same moment: the first one is recorded and mailed.
            return sent();
        } catch (RuntimeException mailNotSent) {
            // The mail server is away: nothing is kept half-done, the person tries again.
            return HtmlPages.page(HttpStatus.SERVICE_UNAVAILABLE, "Inscription non envoyée", "<p>Votre inscription n'a pas pu "
                    + "être envoyée pour le moment. Réessayez dans quelques minutes.</p>" + form(typed, List.of()));
        }
        return sent();
    }

    private static ResponseEntity<String> sent() {
        return HtmlPages.page(HttpStatus.OK, "Vérifiez votre boîte de réception", "<p>Merci ! Nous venons de vous envoyer un "
                + "courriel. Ouvrez le lien qu'il contient pour confirmer votre adresse : votre inscription sera ensuite "
                + "vérifiée par l'équipe du programme.</p><p>Rien reçu dans quelques minutes ? Regardez dans les indésirables.</p>");
    }

    @GetMapping(path = "/confirmation", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirmationPage(@RequestParam(name = "t", required = false) String token) {
        // A button rather than confirming on opening: mail scanners open links too. The person confirms what was typed.
        String summary = signUps.pendingSummary(token).map(s -> "<p>Vous confirmez cette inscription :</p><pre>" + HtmlPages.escape(s)
                + "</pre><p>Ce n'est pas vous ? Ignorez ce lien : rien ne sera transmis.</p>").orElse("");
        return HtmlPages.page(HttpStatus.OK, "Confirmer votre adresse", summary + "<form method=\"post\" action=\"/mentors/confirmation\">"
                + "<input type=\"hidden\" name=\"t\" value=\"" + HtmlPages.escape(token) + "\">"
                + "<button type=\"submit\">Je confirme mon inscription comme mentor</button></form>");
    }

    @PostMapping(path = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirm(@RequestParam(name = "t", required = false) String token) {
        return switch (signUps.confirm(token)) {
            case CONFIRMED -> HtmlPages.page(HttpStatus.OK, "Adresse confirmée", "<p>Merci ! L'équipe du programme vérifie "
                    + "votre inscription et vous écrit dès qu'elle est validée.</p>");
            case ALREADY_CONFIRMED -> HtmlPages.page(HttpStatus.OK, "Adresse déjà confirmée",
                    "<p>Votre adresse est déjà confirmée. Rien n'a été modifié.</p>");
            case EXPIRED -> HtmlPages.page(HttpStatus.GONE, "Lien expiré", "<p>Ce lien n'est plus valable. "
                    + "<a href=\"/mentors/inscription\">Inscrivez-vous à nouveau</a> : un nouveau lien vous sera envoyé.</p>");
            case INVALID -> HtmlPages.page(HttpStatus.BAD_REQUEST, "Lien invalide", "<p>Ce lien est incomplet, a été modifié "
                    + "ou a été remplacé par un plus récent. Utilisez le dernier lien reçu par courriel.</p>");
        };
    }

    private static String intro() {
        return "<p>Vous travaillez en entreprise et voulez aider un jeune de 16 à 25 ans qui a un projet précis dans votre "
                + "secteur (stage, alternance, premier emploi) ? Quelques heures par mois suffisent : relire un CV, faire "
                + "passer un entretien blanc, ouvrir votre réseau, faire découvrir votre métier.</p>";
    }

    private static MentorProfileInput.Typed empty() {
        return new MentorProfileInput.Typed("", "", "", "", "", "", "", false, List.of(), List.of(), "", "1", "");
    }

    private static MentorProfileInput.Typed typed(Map<String, String> f, List<String> helps, List<String> goals) {
        return new MentorProfileInput.Typed(f.get("prenom"), f.get("nom"), f.get("entreprise"), f.get("metier"), f.get("secteur"),
                f.get("email"), f.get("departements"), "oui".equals(f.get("distance")), helps == null ? List.of() : helps,
                goals == null ? List.of() : goals, f.get("langues"), f.get("capacite"), f.get("disponibilites"));
    }

    /** The form, with the typed values and the problems (each tied to the form by aria-describedby). */
    static String form(MentorProfileInput.Typed t, List<String> problems) {
        String errors = problems.isEmpty() ? "" : "<div class=\"errors\" id=\"erreurs\" role=\"alert\"><p>Votre inscription "
                + "n'est pas enregistrée :</p><ul>" + problems.stream().map(p -> "<li>" + HtmlPages.escape(p) + "</li>")
                .collect(Collectors.joining()) + "</ul></div>";
        return errors + "<form method=\"post\" action=\"/mentors/inscription\"" + (problems.isEmpty() ? "" : " aria-describedby=\"erreurs\"") + ">"
                + "<fieldset><legend>Vous</legend>"
                + text("prenom", "Prénom", t.firstName(), 80, true, "given-name")
                + text("nom", "Nom", t.lastName(), 80, true, "family-name")
                + "<label for=\"email\">Adresse e-mail professionnelle</label><input type=\"email\" id=\"email\" name=\"email\" "
                + "maxlength=\"200\" required autocomplete=\"email\" value=\"" + HtmlPages.escape(t.email()) + "\">"
                + text("entreprise", "Entreprise", t.company(), 120, true, "organization")
                + text("metier", "Métier", t.jobTitle(), 120, false, "organization-title")
                + select("secteur", "Secteur", MentorVocabulary.SECTORS, t.sector())
                + "</fieldset><fieldset><legend>Où et comment</legend>"
                + text("departements", "Départements où vous pouvez rencontrer un jeune (numéros séparés par des virgules, "
                        + "par exemple 75, 93, 971)", t.territories(), 400, false, "off")
                + "<label><input type=\"checkbox\" name=\"distance\" value=\"oui\"" + (t.remote() ? " checked" : "")
                + "> J'accepte aussi le mentorat à distance (visio, téléphone)</label>"
                + checkboxes("aides", "Ce que vous pouvez apporter", MentorVocabulary.HELPS, t.helps())
                + checkboxes("objectifs", "Les projets que vous pouvez accompagner", MentorVocabulary.GOALS, t.goals())
                + text("langues", "Langues parlées (facultatif)", t.languages(), 200, false, "off")
                + "<label for=\"capacite\">Nombre de jeunes que vous pouvez suivre en même temps (environ une heure par mois "
                + "chacun)</label><input type=\"number\" id=\"capacite\" name=\"capacite\" min=\"1\" max=\""
                + MentorProfileInput.MAX_CAPACITY + "\" required value=\"" + HtmlPages.escape(t.capacity()) + "\">"
                + text("disponibilites", "Vos disponibilités (facultatif, par exemple « soirs de semaine »)", t.availability(), 300, false, "off")
                + "</fieldset>"
                + "<div hidden><label for=\"site\">Ne pas remplir</label><input type=\"text\" id=\"site\" name=\"site\" tabindex=\"-1\" autocomplete=\"off\"></div>"
                + "<label><input type=\"checkbox\" name=\"accord\" value=\"oui\" required> J'accepte que Passerelle garde ces "
                + "informations pour me proposer des jeunes à accompagner, tant que je suis mentor. Je peux quitter le programme "
                + "à tout moment depuis mon espace : mes données sont alors effacées.</label>"
                + "<button type=\"submit\">M'inscrire comme mentor</button></form>";
    }

    private static String text(String name, String label, String value, int max, boolean required, String autocomplete) {
        return "<label for=\"" + name + "\">" + HtmlPages.escape(label) + "</label><input type=\"text\" id=\"" + name + "\" name=\""
                + name + "\" maxlength=\"" + max + "\"" + (required ? " required" : "") + " autocomplete=\"" + autocomplete
                + "\" value=\"" + HtmlPages.escape(value) + "\">";
    }

    static String select(String name, String label, Map<String, String> values, String selected) {
        return "<label for=\"" + name + "\">" + HtmlPages.escape(label) + "</label><select id=\"" + name + "\" name=\"" + name
                + "\" required><option value=\"\">Choisir…</option>" + values.entrySet().stream().map(e -> "<option value=\""
                + e.getKey() + "\"" + (e.getKey().equals(selected) ? " selected" : "") + ">" + HtmlPages.escape(e.getValue())
                + "</option>").collect(Collectors.joining()) + "</select>";
    }

    private static String checkboxes(String name, String legend, Map<String, String> values, List<String> checked) {
        return "<fieldset><legend>" + HtmlPages.escape(legend) + "</legend>" + values.entrySet().stream()
                .map(e -> "<label><input type=\"checkbox\" name=\"" + name + "\" value=\"" + e.getKey() + "\""
                        + (checked.contains(e.getKey()) ? " checked" : "") + "> " + HtmlPages.escape(e.getValue()) + "</label>")
                .collect(Collectors.joining()) + "</fieldset>";
    }
}
