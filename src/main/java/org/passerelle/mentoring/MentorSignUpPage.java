package org.passerelle.mentoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    private final TemplatePages pages;

    public MentorSignUpPage(MentorSignUps signUps, TemplatePages pages) {
        this.signUps = signUps;
        this.pages = pages;
    }

    @GetMapping(path = "/inscription", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form() {
        return form(HttpStatus.OK, empty(), List.of(), true, false);
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
            return form(HttpStatus.BAD_REQUEST, typed, refused.problems(), false, false);
        }
        if (!"oui".equals(fields.get("accord"))) {
            return form(HttpStatus.BAD_REQUEST, typed, List.of("Cochez la case d'accord sur l'usage de vos données pour vous inscrire."),
                    false, false);
        }
        Bucket bucket = sources.get(request.getRemoteAddr(), source -> Bucket.builder()
                .addLimit(limit -> limit.capacity(SIGN_UPS_PER_HOUR).refillGreedy(SIGN_UPS_PER_HOUR, Duration.ofHours(1))).build());
        if (!bucket.tryConsume(1)) {
            return view(HttpStatus.TOO_MANY_REQUESTS, "Trop d'inscriptions", "tooMany", Map.of());
        }
        try {
            signUps.signUp(profile);
        } catch (org.springframework.dao.DataIntegrityViolationException sameAddressAtOnce) {
            // Two sign-ups with the same new address at the same moment: the first one is recorded and mailed.
            return sent();
        } catch (RuntimeException mailNotSent) {
            // The mail server is away: nothing is kept half-done, the person tries again.
            return form(HttpStatus.SERVICE_UNAVAILABLE, typed, List.of(), false, true);
        }
        return sent();
    }

    private ResponseEntity<String> sent() {
        return view(HttpStatus.OK, "Vérifiez votre boîte de réception", "sent", Map.of());
    }

    @GetMapping(path = "/confirmation", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirmationPage(@RequestParam(name = "t", required = false) String token) {
        // A button rather than confirming on opening: mail scanners open links too. The person confirms what was typed.
        Map<String, Object> values = new HashMap<>();
        values.put("summary", signUps.pendingSummary(token).orElse(null));
        values.put("token", token);
        return view(HttpStatus.OK, "Confirmer votre adresse", "confirm", values);
    }

    @PostMapping(path = "/confirmation", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirm(@RequestParam(name = "t", required = false) String token) {
        return switch (signUps.confirm(token)) {
            case CONFIRMED -> view(HttpStatus.OK, "Adresse confirmée", "confirmed", Map.of());
            case ALREADY_CONFIRMED -> view(HttpStatus.OK, "Adresse déjà confirmée", "alreadyConfirmed", Map.of());
            case EXPIRED -> view(HttpStatus.GONE, "Lien expiré", "expired", Map.of());
            case INVALID -> view(HttpStatus.BAD_REQUEST, "Lien invalide", "invalid", Map.of());
        };
    }

    private ResponseEntity<String> view(HttpStatus status, String title, String view, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("view", view);
        return pages.page(status, "mentor/sign-up", title, all);
    }

    /** The form, with the typed values and the problems (tied to the form by aria-describedby). */
    private ResponseEntity<String> form(HttpStatus status, MentorProfileInput.Typed typed, List<String> problems, boolean intro,
            boolean notSent) {
        Map<String, Object> values = new HashMap<>();
        values.put("typed", typed);
        values.put("problems", problems);
        values.put("showIntro", intro);
        values.put("notSent", notSent);
        values.put("sectors", MentorVocabulary.SECTORS);
        values.put("helps", MentorVocabulary.HELPS);
        values.put("goals", MentorVocabulary.GOALS);
        values.put("maxCapacity", MentorProfileInput.MAX_CAPACITY);
        return view(status, notSent ? "Inscription non envoyée" : "Devenir mentor", "form", values);
    }

    private static MentorProfileInput.Typed empty() {
        return new MentorProfileInput.Typed("", "", "", "", "", "", "", false, List.of(), List.of(), "", "1", "");
    }

    private static MentorProfileInput.Typed typed(Map<String, String> f, List<String> helps, List<String> goals) {
        return new MentorProfileInput.Typed(f.get("prenom"), f.get("nom"), f.get("entreprise"), f.get("metier"), f.get("secteur"),
                f.get("email"), f.get("departements"), "oui".equals(f.get("distance")), helps == null ? List.of() : helps,
                goals == null ? List.of() : goals, f.get("langues"), f.get("capacite"), f.get("disponibilites"));
    }
}
