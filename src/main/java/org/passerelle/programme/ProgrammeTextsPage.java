package org.passerelle.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.HashMap;
import java.util.List;
import org.passerelle.web.TemplatePages;
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
            Map.entry("rendezVous", "mardi 15 décembre, 18 h, en visio"),
            Map.entry("espace", "https://passerelle.example.org/mentors/espace?t=exemple"));
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private final ProgrammeTexts texts;
    private final TemplatePages pages;

    public ProgrammeTextsPage(ProgrammeTexts texts, TemplatePages pages) {
        this.texts = texts;
        this.pages = pages;
    }

    /** A text as the list shows it; no version when the original text was never changed. */
    public record Listed(String key, String title, String current, Integer version, String author) {
    }

    /** An earlier version, its date already in Paris time. */
    public record Version(int version, String when, String author, String body) {
    }

    @GetMapping
    public ResponseEntity<String> list() {
        List<Listed> listed = texts.definitions().stream().map(d -> {
            var latest = texts.versions(d.key()).stream().findFirst();
            return new Listed(d.key(), d.title(), texts.current(d.key()), latest.map(ProgrammeText::getVersion).orElse(null),
                    latest.map(ProgrammeText::getAuthor).orElse(null));
        }).toList();
        return pages.staffPage(HttpStatus.OK, "programme/texts", "Textes du programme", Map.of("texts", listed));
    }

    @GetMapping("/{key}")
    public ResponseEntity<String> edit(@PathVariable String key, HttpServletRequest request) {
        if (texts.definitions().stream().noneMatch(d -> d.key().equals(key))) {
            return unknown();
        }
        return form(HttpStatus.OK, key, texts.current(key), Map.of(), request);
    }

    @PostMapping(value = "/{key}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable String key, @RequestParam(required = false) String body,
            @RequestParam(required = false) String action, Principal who, HttpServletRequest request) {
        if (texts.definitions().stream().noneMatch(d -> d.key().equals(key))) {
            return unknown();
        }
        try {
            if ("apercu".equals(action)) {
                return form(HttpStatus.OK, key, body, Map.of("preview", texts.preview(key, body, EXAMPLE)), request);
            }
            var saved = texts.save(key, body, who.getName());
            return form(HttpStatus.OK, key, saved.getBody(), Map.of("savedVersion", saved.getVersion()), request);
        } catch (ProgrammeTexts.InvalidText invalid) {
            return form(HttpStatus.BAD_REQUEST, key, body, Map.of("problems", invalid.problems()), request);
        }
    }

    private ResponseEntity<String> unknown() {
        return pages.staffPage(HttpStatus.NOT_FOUND, "not-found", "Texte inconnu",
                Map.of("back", "/programme/textes", "backLabel", "Retour aux textes"));
    }

    /** A value a text may lack, for the hint on optional parts. */
    private static String optional(ProgrammeTexts.Definition definition) {
        return definition.placeholders().stream().filter(p -> !definition.required().contains(p) && !"prenom".equals(p))
                .reduce((first, second) -> second).orElse(definition.placeholders().get(0));
    }

    private ResponseEntity<String> form(HttpStatus status, String key, String body, Map<String, Object> notice,
            HttpServletRequest request) {
        var definition = texts.definition(key);
        Map<String, Object> values = new HashMap<>(notice);
        values.put("key", key);
        values.put("body", body == null ? "" : body);
        values.put("placeholders", definition.placeholders());
        values.put("optional", definition.placeholders().size() < 2 ? null : optional(definition));
        values.put("maxLength", ProgrammeTexts.MAX_LENGTH);
        values.put("csrf", request.getAttribute(CsrfToken.class.getName()));
        values.put("versions", texts.versions(key).stream().map(v -> new Version(v.getVersion(), WHEN.format(v.getCreatedAt()),
                v.getAuthor(), v.getBody())).toList());
        return pages.staffPage(status, "programme/text", definition.title(), values);
    }
}
