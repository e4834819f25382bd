package org.passerelle.mentoring;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.passerelle.web.TemplatePages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** The pool of company mentors for programme leads: search, edit, deactivate, import a company's list. */
@RestController
@RequestMapping(value = "/programme/mentors", produces = MediaType.TEXT_HTML_VALUE)
public class MentorPoolPage {

    private static final int SHOWN_ROWS = 500;
    private static final Map<Mentor.Status, String> STATUSES = Map.of(Mentor.Status.ACTIVE, "Actif",
            Mentor.Status.PAUSED, "En pause", Mentor.Status.TO_VALIDATE, "À valider",
            Mentor.Status.EMAIL_TO_CONFIRM, "Adresse à confirmer", Mentor.Status.INACTIVE, "Désactivé",
            Mentor.Status.ERASED, "Supprimé");

    /** One line of the list, as leads read it. */
    record Row(long id, String name, String company, String jobTitle, String sector, String places, long followed, int capacity,
            String status) {
    }

    private final MentorDirectory directory;
    private final MentorLeaving leaving;
    private final TemplatePages pages;

    public MentorPoolPage(MentorDirectory directory, MentorLeaving leaving, TemplatePages pages) {
        this.directory = directory;
        this.leaving = leaving;
        this.pages = pages;
    }

    @GetMapping
    public ResponseEntity<String> list(@RequestParam(defaultValue = "") String q) {
        List<Mentor> found = directory.search(q);
        List<Row> rows = found.stream().limit(SHOWN_ROWS).map(m -> new Row(m.getId(), m.fullName(), m.getCompany(), m.getJobTitle(),
                MentorVocabulary.label(MentorVocabulary.SECTORS, m.getSector()), places(m), directory.activeMentorships(m.getId()),
                m.getCapacity(), STATUSES.get(m.getStatus()))).toList();
        return pages.staffPage(HttpStatus.OK, "mentor/pool", "Mentors",
                Map.of("view", "list", "q", q, "count", found.size(), "shownRows", SHOWN_ROWS, "rows", rows));
    }

    @GetMapping("/import")
    public ResponseEntity<String> importForm() {
        return importPage(pages, HttpStatus.OK, "", null);
    }

    /** A file (multipart) or a pasted list; the whole list is read before anything is stored. */
    @PostMapping("/import")
    public ResponseEntity<String> importList(@RequestParam(required = false) MultipartFile fichier,
            @RequestParam(required = false) String texte) {
        byte[] bytes;
        try {
            if (fichier != null && !fichier.isEmpty()) {
                if (fichier.getSize() > MentorCsv.MAX_BYTES) {
                    return importPage(pages, HttpStatus.PAYLOAD_TOO_LARGE, "", MentorCsv.TOO_LARGE);
                }
                bytes = fichier.getBytes();
            } else if (texte != null && !texte.isBlank()) {
                bytes = texte.getBytes(StandardCharsets.UTF_8);
            } else {
                return importPage(pages, HttpStatus.BAD_REQUEST, "", "Choisissez un fichier ou collez la liste.");
            }
        } catch (IOException unreadable) {
            return importPage(pages, HttpStatus.BAD_REQUEST, "", "Le fichier n'a pas pu être lu : importez-le à nouveau.");
        }
        List<MentorCsv.Row> rows;
        try {
            rows = MentorCsv.read(bytes);
        } catch (MentorCsv.Unreadable refused) {
            return importPage(pages, bytes.length > MentorCsv.MAX_BYTES ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    keptText(texte), refused.getMessage());
        }
        if (rows.isEmpty()) {
            return importPage(pages, HttpStatus.BAD_REQUEST, keptText(texte), "La liste ne contient aucune ligne de mentor "
                    + "après la ligne des colonnes.");
        }
        List<Mentor.Profile> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> lineOfEmail = new HashMap<>();
        for (MentorCsv.Row row : rows) {
            List<String> rowProblems = new ArrayList<>();
            Optional<Mentor.Profile> profile = profileOf(row, rowProblems);
            if (profile.isPresent() && lineOfEmail.containsKey(profile.get().email())) {
                rowProblems.add("Cette adresse figure déjà ligne " + lineOfEmail.get(profile.get().email()) + " du fichier.");
            }
            if (rowProblems.isEmpty()) {
                kept.add(profile.orElseThrow());
                lineOfEmail.put(profile.get().email(), row.line());
            } else {
                problems.add("Ligne " + row.line() + " : " + String.join(" ; ", rowProblems));
            }
        }
        MentorDirectory.ImportReport report = directory.importProfiles(kept);
        return pages.staffPage(HttpStatus.OK, "mentor/pool-import", "Import terminé", Map.of("view", "done",
                "created", report.created(), "updated", report.updated(), "problems", problems));
    }

    @GetMapping("/{id}")
    public ResponseEntity<String> edit(@PathVariable String id, @RequestParam(defaultValue = "") String fait) {
        String notice = switch (fait) {
            case "enregistre" -> "Fiche enregistrée.";
            case "desactive" -> "Mentor désactivé : il n'est plus proposé aux jeunes.";
            case "reactive" -> "Mentor réactivé : il peut de nouveau être proposé aux jeunes.";
            default -> null;
        };
        return mentor(id).map(m -> form(HttpStatus.OK, m, typedOf(m.profile()), List.of(), notice)).orElseGet(this::unknown);
    }

    @PostMapping(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form) {
        Optional<Mentor> mentor = mentor(id);
        if (mentor.isEmpty()) {
            return unknown();
        }
        MentorProfileInput.Typed typed = new MentorProfileInput.Typed(form.getFirst("prenom"), form.getFirst("nom"),
                form.getFirst("entreprise"), form.getFirst("metier"), form.getFirst("secteur"), form.getFirst("email"),
                form.getFirst("departements"), "oui".equals(form.getFirst("distance")), values(form, "aides"),
                values(form, "objectifs"), form.getFirst("langues"), form.getFirst("capacite"), form.getFirst("disponibilites"));
        try {
            if (!directory.update(mentor.get().getId(), MentorProfileInput.read(typed))) {
                return form(HttpStatus.CONFLICT, mentor.get(), typed, List.of("Un autre mentor utilise déjà cette adresse."), null);
            }
        } catch (MentorProfileInput.Refused refused) {
            return form(HttpStatus.BAD_REQUEST, mentor.get(), typed, refused.problems(), null);
        }
        return seeOther(mentor.get(), "enregistre");
    }

    @PostMapping(value = "/{id}/desactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> deactivate(@PathVariable String id) {
        return mentor(id).map(m -> {
            directory.setStatus(m.getId(), Mentor.Status.INACTIVE);
            return seeOther(m, "desactive");
        }).orElseGet(this::unknown);
    }

    /** Only a deactivated mentor: a paused one chose to pause, a new one still awaits validation. */
    @PostMapping(value = "/{id}/reactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> reactivate(@PathVariable String id) {
        return mentor(id).map(m -> {
            if (m.getStatus() != Mentor.Status.INACTIVE) {
                return pages.staffPage(HttpStatus.CONFLICT, "mentor/pool", "Mentor non désactivé", Map.of("view", "notInactive",
                        "name", m.fullName(), "state", STATUSES.get(m.getStatus()).toLowerCase(Locale.FRENCH), "id", m.getId()));
            }
            directory.setStatus(m.getId(), Mentor.Status.ACTIVE);
            return seeOther(m, "reactive");
        }).orElseGet(this::unknown);
    }

    /**
     * A mentor's erasure on request (or a sign-up nobody should keep): pending proposals withdrawn, running mentorships
     * ended and their youths' searches go on; only the sector of past mentorships stays, for the figures.
     */
    @PostMapping(value = "/{id}/effacer", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> erase(@PathVariable String id, @RequestParam(required = false) String confirme) {
        return mentor(id).map(m -> {
            if (!"oui".equals(confirme)) {
                return form(HttpStatus.BAD_REQUEST, m, typedOf(m.profile()),
                        List.of("Cochez la case pour confirmer l'effacement des données de ce mentor."), null);
            }
            leaving.erase(m.getId());
            return pages.staffPage(HttpStatus.OK, "mentor/pool", "Mentor effacé", Map.of("view", "erased"));
        }).orElseGet(this::unknown);
    }

    /** A number that is no mentor's (or an erased one's) is simply unknown: never an error page. */
    private Optional<Mentor> mentor(String id) {
        try {
            return directory.find(Long.valueOf(id));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private ResponseEntity<String> unknown() {
        return pages.staffPage(HttpStatus.NOT_FOUND, "mentor/pool", "Mentor introuvable", Map.of("view", "unknown"));
    }

    private static ResponseEntity<String> seeOther(Mentor mentor, String done) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/programme/mentors/" + mentor.getId() + "?fait=" + done))
                .build();
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        return form.getOrDefault(name, List.of());
    }

    /** "75, 93 · à distance". */
    private static String places(Mentor m) {
        String territories = String.join(", ", m.getTerritories());
        return territories.isEmpty() ? (m.isRemote() ? "à distance" : "") : territories + (m.isRemote() ? " · à distance" : "");
    }

    private static MentorProfileInput.Typed typedOf(Mentor.Profile p) {
        return new MentorProfileInput.Typed(p.firstName(), p.lastName(), p.company(), p.jobTitle(), p.sector(), p.email(),
                String.join(", ", p.territories()), p.remote(), p.helps(), p.goals(), p.languages(), String.valueOf(p.capacity()),
                p.availability());
    }

    /** The mentor's form with the values as last typed, so a refusal loses nothing. */
    private ResponseEntity<String> form(HttpStatus status, Mentor m, MentorProfileInput.Typed t, List<String> problems,
            String notice) {
        Map<String, Object> values = new HashMap<>();
        values.put("notice", notice);
        values.put("problems", problems);
        values.put("state", STATUSES.get(m.getStatus()));
        values.put("followed", directory.activeMentorships(m.getId()));
        values.put("capacity", m.getCapacity());
        values.put("action", "/programme/mentors/" + m.getId());
        values.put("typed", t);
        values.put("sectors", MentorVocabulary.SECTORS);
        values.put("helps", MentorVocabulary.HELPS);
        values.put("goals", MentorVocabulary.GOALS);
        values.put("maxCapacity", MentorProfileInput.MAX_CAPACITY);
        values.put("inactive", m.getStatus() == Mentor.Status.INACTIVE);
        return pages.staffPage(status, "mentor/pool-mentor", "Mentor : " + m.fullName(), values);
    }

    // ---- import ----

    private static ResponseEntity<String> importPage(TemplatePages pages, HttpStatus status, String text, String refusal) {
        Map<String, Object> values = new HashMap<>();
        values.put("view", "form");
        values.put("refusal", refusal);
        values.put("text", text);
        values.put("columns", String.join(";", MentorCsv.COLUMNS));
        values.put("sectors", String.join(", ", MentorVocabulary.SECTORS.keySet()));
        values.put("helps", String.join(", ", MentorVocabulary.HELPS.keySet()));
        values.put("goals", String.join(", ", MentorVocabulary.GOALS.keySet()));
        values.put("maxCapacity", MentorProfileInput.MAX_CAPACITY);
        return pages.staffPage(status, "mentor/pool-import", "Importer la liste d'une entreprise", values);
    }

    /** A pasted list comes back in the box (a file cannot be put back in its input); past 1 MB, not echoed. */
    private static String keptText(String texte) {
        return texte == null || texte.length() > MentorCsv.MAX_BYTES ? "" : texte;
    }

    /** One line's profile, or its problems added to the list. */
    private static Optional<Mentor.Profile> profileOf(MentorCsv.Row row, List<String> problems) {
        if (row.extraCells() > 0) {
            problems.add("Plus de cellules que de colonnes : mettez entre guillemets une cellule qui contient le séparateur.");
        }
        Boolean remote = yesOrNo(row.cell("distance"));
        if (remote == null) {
            problems.add("Indiquez oui ou non dans la colonne « distance ».");
        }
        MentorProfileInput.Typed typed = new MentorProfileInput.Typed(row.cell("prenom"), row.cell("nom"), row.cell("entreprise"),
                row.cell("metier"), code(row.cell("secteur"), MentorVocabulary.SECTORS), row.cell("email"),
                row.cell("departements").replace('|', ','), Boolean.TRUE.equals(remote),
                codes(row.cell("aides"), MentorVocabulary.HELPS), codes(row.cell("objectifs"), MentorVocabulary.GOALS),
                row.cell("langues"), row.cell("capacite"), row.cell("disponibilites"));
        try {
            Mentor.Profile profile = MentorProfileInput.read(typed);
            return problems.isEmpty() ? Optional.of(profile) : Optional.empty();
        } catch (MentorProfileInput.Refused refused) {
            problems.addAll(refused.problems());
            return Optional.empty();
        }
    }

    private static Boolean yesOrNo(String cell) {
        return switch (plain(cell)) {
            case "oui", "o", "x", "1", "vrai", "yes", "y", "true" -> true;
            case "non", "n", "", "0", "faux", "no", "false" -> false;
            default -> null;
        };
    }

    /** Codes as the list may write them: "cv", "CV et lettre" or "Entretien Blanc". */
    private static List<String> codes(String cell, Map<String, String> vocabulary) {
        return MentorProfileInput.codes(cell).stream().map(c -> code(c, vocabulary)).toList();
    }

    private static String code(String cell, Map<String, String> vocabulary) {
        String plain = plain(cell);
        return vocabulary.entrySet().stream().filter(e -> plain(e.getKey()).equals(plain) || plain(e.getValue()).equals(plain))
                .map(Map.Entry::getKey).findFirst().orElse(cell == null ? "" : cell.trim());
    }

    private static String plain(String value) {
        return value == null ? "" : Normalizer.normalize(value.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A file over the server's upload limit (1 MB) is refused before any controller is chosen, so only an advice that
     * applies to every controller sees it: the import page answers in French, any other path keeps Spring's answer
     * (an exception handler that rethrows its exception hands it on to the next resolver).
     */
    @ControllerAdvice
    static class UploadTooLarge {

        private final TemplatePages pages;

        UploadTooLarge(TemplatePages pages) {
            this.pages = pages;
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<String> tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request)
                throws MaxUploadSizeExceededException {
            // Tomcat answers 413 itself and forwards to /error, where Spring meets the same upload again.
            Object path = request.getDispatcherType() == DispatcherType.ERROR
                    ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
            if (!"/programme/mentors/import".equals(path)) {
                throw tooLarge;
            }
            return importPage(pages, HttpStatus.PAYLOAD_TOO_LARGE, "", MentorCsv.TOO_LARGE);
        }
    }
}
