package org.passerelle.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Textes du programme": a programme lead reads every message youths receive from the programme, edits one with a
 * preview on example values, and saves it as a new version that applies to the next message. Earlier versions stay
 * listed with their author and date.
 */
@RestController
@RequestMapping(value = "/programme/textes", produces = MediaType.TEXT_HTML_VALUE)
public class ProgrammeTextsPage {

    /** What the preview fills the placeholders with. */
    static final Map<String, String> EXAMPLE = Map.ofEntries(Map.entry("prenom", "Neila"),
            Map.entry("structure", "Mission Locale de Lens"), Map.entry("quand", "le mardi 15 décembre à 14 h 30, 2 rue de Lille"),
            Map.entry("contact", "Mme Diallo, 03 21 00 00 00"), Map.entry("jeune", "Neila"), Map.entry("age", "19"),
            Map.entry("departement", "62"), Map.entry("besoin", "Le jeune souhaite être accompagné."),
            Map.entry("lien", "https://passerelle.example.org/partenaires/orientation?t=exemple"), Map.entry("numero", "1"),
            Map.entry("mentor", "Julien Moreau"), Map.entry("projet", "technicienne réseau"), Map.entry("objectif", "alternance"),
            Map.entry("entreprise", "Orange"), Map.entry("metier", "ingénieur réseau"),
            Map.entry("rendezVous", "mardi 15 décembre, 18 h, en visio"));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private final ProgrammeTexts texts;

    public ProgrammeTextsPage(ProgrammeTexts texts) {
        this.texts = texts;
    }

    @GetMapping
    public ResponseEntity<String> list() {
        String rows = texts.definitions().stream().map(d -> "<tr><td><a href=\"/programme/textes/" + d.key() + "\">"
                + HtmlPages.escape(d.title()) + "</a></td><td>" + HtmlPages.escape(texts.current(d.key())) + "</td><td>"
                + texts.versions(d.key()).stream().findFirst().map(v -> "version " + v.getVersion() + " — " + HtmlPages.escape(v.getAuthor()))
                        .orElse("texte d'origine") + "</td></tr>").collect(Collectors.joining());
        return HtmlPages.staffPage(HttpStatus.OK, "Textes du programme", "<p>Les messages que les jeunes reçoivent du programme. "
                + "Une modification s'applique au message suivant, sans redémarrage.</p><table><thead><tr><th>Message</th>"
                + "<th>Texte actuel</th><th>Version</th></tr></thead><tbody>" + rows + "</tbody></table>");
    }

    @GetMapping("/{key}")
    public ResponseEntity<String> edit(@PathVariable String key, HttpServletRequest request) {
        if (texts.definitions().stream().noneMatch(d -> d.key().equals(key))) {
            return HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Texte inconnu", "<p><a href=\"/programme/textes\">Retour aux textes</a></p>");
        }
        return form(HttpStatus.OK, key, texts.current(key), null, request);
    }

    @PostMapping(value = "/{key}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable String key, @RequestParam(required = false) String body,
            @RequestParam(required = false) String action, Principal who, HttpServletRequest request) {
        if (texts.definitions().stream().noneMatch(d -> d.key().equals(key))) {
            return HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Texte inconnu", "<p><a href=\"/programme/textes\">Retour aux textes</a></p>");
        }
        try {
            if ("apercu".equals(action)) {
                return form(HttpStatus.OK, key, body, "<div class=\"apercu\"><h2>Aperçu</h2><p style=\"white-space:pre-wrap\">"
                        + HtmlPages.escape(texts.preview(key, body, EXAMPLE)) + "</p></div>", request);
            }
            var saved = texts.save(key, body, who.getName());
            return form(HttpStatus.OK, key, saved.getBody(), "<p role=\"status\">Version " + saved.getVersion()
                    + " enregistrée : elle s'applique au prochain message.</p>", request);
        } catch (ProgrammeTexts.InvalidText invalid) {
            return form(HttpStatus.BAD_REQUEST, key, body, "<ul class=\"errors\">" + invalid.problems().stream()
                    .map(p -> "<li>" + HtmlPages.escape(p) + "</li>").collect(Collectors.joining()) + "</ul>", request);
        }
    }

    /** A value a text may lack, for the hint on optional parts. */
    private static String optional(ProgrammeTexts.Definition definition) {
        return definition.placeholders().stream().filter(p -> !definition.required().contains(p) && !"prenom".equals(p))
                .reduce((first, second) -> second).orElse(definition.placeholders().get(0));
    }

    private ResponseEntity<String> form(HttpStatus status, String key, String body, String notice, HttpServletRequest request) {
        var definition = texts.definition(key);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String versions = texts.versions(key).stream().map(v -> "<li>Version " + v.getVersion() + ", " + WHEN.format(v.getCreatedAt())
                + ", " + HtmlPages.escape(v.getAuthor()) + " : " + HtmlPages.escape(v.getBody()) + "</li>").collect(Collectors.joining());
        return HtmlPages.staffPage(status, definition.title(), (notice == null ? "" : notice)
                + "<p>Valeurs possibles : " + definition.placeholders().stream().map(p -> "<code>{{" + p + "}}</code>")
                        .collect(Collectors.joining(", "))
                + (definition.placeholders().size() < 2 ? ".</p>" : ". Une partie entre <code>{{#" + optional(definition)
                        + "}}</code> et <code>{{/" + optional(definition) + "}}</code> ne s'affiche que si la valeur existe.</p>")
                + "<form method=\"post\" action=\"/programme/textes/" + key + "\">"
                + (csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">")
                + "<label for=\"body\">Texte</label><textarea id=\"body\" name=\"body\" rows=\"12\" cols=\"80\" maxlength=\""
                + ProgrammeTexts.MAX_LENGTH + "\">" + HtmlPages.escape(body == null ? "" : body) + "</textarea>"
                + "<p><button type=\"submit\" name=\"action\" value=\"apercu\">Aperçu</button> "
                + "<button type=\"submit\" name=\"action\" value=\"enregistrer\">Enregistrer une nouvelle version</button></p></form>"
                + "<h2>Versions précédentes</h2>" + (versions.isEmpty() ? "<p>Texte d'origine, jamais modifié.</p>" : "<ul>" + versions + "</ul>")
                + "<p><a href=\"/programme/textes\">Retour aux textes</a></p>");
    }
}
