package org.passerelle.mentoring;

import static org.passerelle.web.HtmlPages.escape;

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
import java.util.stream.Collectors;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
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

    private final MentorDirectory directory;
    private final MentorLeaving leaving;

    public MentorPoolPage(MentorDirectory directory, MentorLeaving leaving) {
        this.directory = directory;
        this.leaving = leaving;
    }

    @GetMapping
    public ResponseEntity<String> list(@RequestParam(defaultValue = "") String q) {
        List<Mentor> found = directory.search(q);
        String rows = found.stream().limit(SHOWN_ROWS).map(m -> "<tr><td>" + escape(m.fullName()) + "</td><td>"
                + escape(m.getCompany()) + "</td><td>" + escape(m.getJobTitle()) + "</td><td>"
                + escape(MentorVocabulary.label(MentorVocabulary.SECTORS, m.getSector())) + "</td><td>" + escape(places(m))
                + "</td><td>" + directory.activeMentorships(m.getId()) + " / " + m.getCapacity() + "</td><td>"
                + escape(STATUSES.get(m.getStatus())) + "</td><td><a href=\"/programme/mentors/" + m.getId()
                + "\">Modifier</a></td></tr>").collect(Collectors.joining("\n"));
        return HtmlPages.staffPage(HttpStatus.OK, "Mentors", """
                <form method="get" action="/programme/mentors">
                  <label for="q">Nom, entreprise, secteur, adresse ou département</label><input id="q" name="q" value="%s" size="40">
                  <button type="submit">Rechercher</button>
                </form>
                <p><a href="/programme/mentors/import">Importer la liste d'une entreprise (CSV)</a></p>
                <p>%d mentor(s)%s</p>
                <table><thead><tr><th>Nom</th><th>Entreprise</th><th>Métier</th><th>Secteur</th><th>Départements</th>
                <th>Jeunes suivis / capacité</th><th>État</th><th></th></tr></thead>
                <tbody>%s</tbody></table>""".formatted(escape(q), found.size(),
                found.size() > SHOWN_ROWS ? ". Les " + SHOWN_ROWS + " premiers sont affichés : précisez la recherche." : ".", rows));
    }

    @GetMapping("/import")
    public ResponseEntity<String> importForm(HttpServletRequest request) {
        return importPage(HttpStatus.OK, "", "", request);
    }

    /** A file (multipart) or a pasted list; the whole list is read before anything is stored. */
    @PostMapping("/import")
    public ResponseEntity<String> importList(@RequestParam(required = false) MultipartFile fichier,
            @RequestParam(required = false) String texte, HttpServletRequest request) {
        byte[] bytes;
        try {
            if (fichier != null && !fichier.isEmpty()) {
                if (fichier.getSize() > MentorCsv.MAX_BYTES) {
                    return importPage(HttpStatus.PAYLOAD_TOO_LARGE, "", refusal(MentorCsv.TOO_LARGE), request);
                }
                bytes = fichier.getBytes();
            } else if (texte != null && !texte.isBlank()) {
                bytes = texte.getBytes(StandardCharsets.UTF_8);
            } else {
                return importPage(HttpStatus.BAD_REQUEST, "", refusal("Choisissez un fichier ou collez la liste."), request);
            }
        } catch (IOException unreadable) {
            return importPage(HttpStatus.BAD_REQUEST, "", refusal("Le fichier n'a pas pu être lu : importez-le à nouveau."), request);
        }
        List<MentorCsv.Row> rows;
        try {
            rows = MentorCsv.read(bytes);
        } catch (MentorCsv.Unreadable refused) {
            return importPage(bytes.length > MentorCsv.MAX_BYTES ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    keptText(texte), refusal(refused.getMessage()), request);
        }
        if (rows.isEmpty()) {
            return importPage(HttpStatus.BAD_REQUEST, keptText(texte), refusal("La liste ne contient aucune ligne de mentor "
                    + "après la ligne des colonnes."), request);
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
        String refusedLines = problems.isEmpty() ? "" : "<h2>Lignes refusées</h2><p>Elles n'ont rien changé : corrigez-les "
                + "puis importez à nouveau le fichier (les mentors déjà importés sont mis à jour, pas ajoutés deux fois).</p>"
                + "<ul class=\"errors\">" + problems.stream().map(p -> "<li>" + escape(p) + "</li>").collect(Collectors.joining())
                + "</ul>";
        return HtmlPages.staffPage(HttpStatus.OK, "Import terminé", "<p role=\"status\">" + report.created()
                + " mentor(s) ajouté(s), " + report.updated() + " mis à jour, " + problems.size() + " ligne(s) refusée(s).</p>"
                + "<p>Les mentors ajoutés sont actifs : ils peuvent être proposés aux jeunes dès maintenant.</p>" + refusedLines
                + "<p><a href=\"/programme/mentors\">Retour aux mentors</a> · <a href=\"/programme/mentors/import\">Importer une autre liste</a></p>");
    }

    @GetMapping("/{id}")
    public ResponseEntity<String> edit(@PathVariable String id, @RequestParam(defaultValue = "") String fait,
            HttpServletRequest request) {
        String notice = switch (fait) {
            case "enregistre" -> "Fiche enregistrée.";
            case "desactive" -> "Mentor désactivé : il n'est plus proposé aux jeunes.";
            case "reactive" -> "Mentor réactivé : il peut de nouveau être proposé aux jeunes.";
            default -> null;
        };
        return mentor(id).map(m -> form(HttpStatus.OK, m, typedOf(m.profile()), List.of(), notice, request)).orElseGet(MentorPoolPage::unknown);
    }

    @PostMapping(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request) {
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
                return form(HttpStatus.CONFLICT, mentor.get(), typed, List.of("Un autre mentor utilise déjà cette adresse."), null, request);
            }
        } catch (MentorProfileInput.Refused refused) {
            return form(HttpStatus.BAD_REQUEST, mentor.get(), typed, refused.problems(), null, request);
        }
        return seeOther(mentor.get(), "enregistre");
    }

    @PostMapping(value = "/{id}/desactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> deactivate(@PathVariable String id) {
        return mentor(id).map(m -> {
            directory.setStatus(m.getId(), Mentor.Status.INACTIVE);
            return seeOther(m, "desactive");
        }).orElseGet(MentorPoolPage::unknown);
    }

    /** Only a deactivated mentor: a paused one chose to pause, a new one still awaits validation. */
    @PostMapping(value = "/{id}/reactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> reactivate(@PathVariable String id) {
        return mentor(id).map(m -> {
            if (m.getStatus() != Mentor.Status.INACTIVE) {
                return HtmlPages.staffPage(HttpStatus.CONFLICT, "Mentor non désactivé", "<p>" + escape(m.fullName())
                        + " n'est pas désactivé (état : " + escape(STATUSES.get(m.getStatus()).toLowerCase(Locale.FRENCH))
                        + ") : rien n'a changé.</p><p><a href=\"/programme/mentors/" + m.getId() + "\">Retour à la fiche</a></p>");
            }
            directory.setStatus(m.getId(), Mentor.Status.ACTIVE);
            return seeOther(m, "reactive");
        }).orElseGet(MentorPoolPage::unknown);
    }

    /**
     * A mentor's erasure on request (or a sign-up nobody should keep): pending proposals withdrawn, running mentorships
     * ended and their youths' searches go on; only the sector of past mentorships stays, for the figures.
     */
    @PostMapping(value = "/{id}/effacer", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> erase(@PathVariable String id, @RequestParam(required = false) String confirme,
            HttpServletRequest request) {
        return mentor(id).map(m -> {
            if (!"oui".equals(confirme)) {
                return form(HttpStatus.BAD_REQUEST, m, typedOf(m.profile()),
                        List.of("Cochez la case pour confirmer l'effacement des données de ce mentor."), null, request);
            }
            leaving.erase(m.getId());
            return HtmlPages.staffPage(HttpStatus.OK, "Mentor effacé", "<p role=\"status\">Les données du mentor sont effacées ; "
                    + "les jeunes qu'il accompagnait se verront proposer un autre mentor.</p><p><a href=\"/programme/mentors\">"
                    + "Retour aux mentors</a></p>");
        }).orElseGet(MentorPoolPage::unknown);
    }

    /** A number that is no mentor's (or an erased one's) is simply unknown: never an error page. */
    private Optional<Mentor> mentor(String id) {
        try {
            return directory.find(Long.valueOf(id));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> unknown() {
        return HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Mentor introuvable", "<p>Ce mentor n'existe pas ou ses données "
                + "ont été effacées.</p><p><a href=\"/programme/mentors\">Retour aux mentors</a></p>");
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
            String notice, HttpServletRequest request) {
        String hidden = csrfField(request);
        String action = "/programme/mentors/" + m.getId();
        String errors = problems.isEmpty() ? "" : "<ul class=\"errors\" role=\"alert\">" + problems.stream()
                .map(p -> "<li>" + escape(p) + "</li>").collect(Collectors.joining()) + "</ul>";
        String state = m.getStatus() == Mentor.Status.INACTIVE
                ? "<p>Ce mentor est désactivé : il n'est plus proposé aux jeunes.</p><form method=\"post\" action=\"" + action
                        + "/reactiver\">" + hidden + "<button type=\"submit\">Réactiver ce mentor</button></form>"
                : "<form method=\"post\" action=\"" + action + "/desactiver\">" + hidden
                        + "<button type=\"submit\">Désactiver ce mentor</button></form>";
        state += "<form method=\"post\" action=\"" + action + "/effacer\">" + hidden + "<fieldset><legend>Effacer ce mentor</legend>"
                + "<label><input type=\"checkbox\" name=\"confirme\" value=\"oui\"> J'efface ses données (à sa demande) : ses "
                + "propositions en attente sont retirées, ses mentorats en cours s'arrêtent.</label>"
                + "<button type=\"submit\">Effacer ce mentor</button></fieldset></form>";
        String sectors = "<option value=\"\"></option>" + MentorVocabulary.SECTORS.entrySet().stream()
                .map(e -> "<option value=\"" + escape(e.getKey()) + "\"" + (e.getKey().equals(t.sector()) ? " selected" : "") + ">"
                        + escape(e.getValue()) + "</option>").collect(Collectors.joining());
        return HtmlPages.staffPage(status, "Mentor : " + m.fullName(), (notice == null ? "" : "<p role=\"status\">" + escape(notice) + "</p>")
                + errors + """
                <p>État : %3$s · jeunes suivis en ce moment : %4$d sur %5$d.</p>
                <form method="post" action="%1$s">%2$s
                  <label for="prenom">Prénom</label><input id="prenom" name="prenom" value="%6$s" maxlength="80">
                  <label for="nom">Nom</label><input id="nom" name="nom" value="%7$s" maxlength="80">
                  <label for="entreprise">Entreprise</label><input id="entreprise" name="entreprise" value="%8$s" maxlength="120" size="40">
                  <label for="metier">Métier</label><input id="metier" name="metier" value="%9$s" maxlength="120" size="40">
                  <label for="secteur">Secteur</label><select id="secteur" name="secteur">%10$s</select>
                  <label for="email">Adresse e-mail</label><input id="email" name="email" type="email" value="%11$s" maxlength="200" size="40">
                  <label for="departements">Départements où rencontrer les jeunes (par exemple 75, 93, 971)</label><input id="departements" name="departements" value="%12$s" size="40">
                  <label><input type="checkbox" name="distance" value="oui"%13$s> Accompagne aussi à distance</label>
                  <fieldset><legend>Aides apportées</legend>%14$s</fieldset>
                  <fieldset><legend>Types de projet</legend>%15$s</fieldset>
                  <label for="langues">Langues</label><input id="langues" name="langues" value="%16$s" maxlength="200" size="40">
                  <label for="capacite">Jeunes suivis en même temps (1 à %17$d)</label><input id="capacite" name="capacite" type="number" min="1" max="%17$d" value="%18$s">
                  <label for="disponibilites">Disponibilités</label><textarea id="disponibilites" name="disponibilites" rows="3" cols="60" maxlength="300">%19$s</textarea>
                  <button type="submit">Enregistrer</button>
                </form>
                %20$s
                <p><a href="/programme/mentors">Retour aux mentors</a></p>""".formatted(action, hidden,
                escape(STATUSES.get(m.getStatus())), directory.activeMentorships(m.getId()), m.getCapacity(), escape(t.firstName()), escape(t.lastName()),
                escape(t.company()), escape(t.jobTitle()), sectors, escape(t.email()), escape(t.territories()),
                t.remote() ? " checked" : "", checkboxes("aides", MentorVocabulary.HELPS, t.helps()),
                checkboxes("objectifs", MentorVocabulary.GOALS, t.goals()), escape(t.languages()), MentorProfileInput.MAX_CAPACITY,
                escape(t.capacity()), escape(t.availability()), state));
    }

    private static String checkboxes(String name, Map<String, String> vocabulary, List<String> checked) {
        return vocabulary.entrySet().stream().map(e -> "<label><input type=\"checkbox\" name=\"" + name + "\" value=\""
                + escape(e.getKey()) + "\"" + (checked != null && checked.contains(e.getKey()) ? " checked" : "") + "> "
                + escape(e.getValue()) + "</label>").collect(Collectors.joining());
    }

    private static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">";
    }

    // ---- import ----

    private static ResponseEntity<String> importPage(HttpStatus status, String text, String notice, HttpServletRequest request) {
        return HtmlPages.staffPage(status, "Importer la liste d'une entreprise", notice + """
                <p>Un fichier CSV en UTF-8 (dans le tableur : « Enregistrer sous », format « CSV UTF-8 »), 2 000 lignes
                et 1 Mo au plus. La première ligne nomme les colonnes, séparées par des points-virgules ou des virgules :</p>
                <p><code>%2$s</code></p>
                <ul>
                  <li><code>secteur</code> : %3$s ;</li>
                  <li><code>departements</code> : numéros séparés par des virgules ou des barres (75|93|971) ;</li>
                  <li><code>distance</code> : oui ou non ;</li>
                  <li><code>aides</code> : %4$s, séparées par des virgules ou des barres ;</li>
                  <li><code>objectifs</code> : %5$s ;</li>
                  <li><code>capacite</code> : nombre de jeunes suivis en même temps, de 1 à %6$d.</li>
                </ul>
                <p>Une cellule qui contient le séparateur se met entre guillemets ("cv, entretien"). Un mentor déjà connu
                (même adresse e-mail) est mis à jour, pas ajouté deux fois. Les mentors importés sont actifs tout de suite.</p>
                <form method="post" action="/programme/mentors/import" enctype="multipart/form-data">%1$s
                  <label for="fichier">Fichier CSV</label><input id="fichier" name="fichier" type="file" accept=".csv,text/csv">
                  <label for="texte">Ou collez la liste</label><textarea id="texte" name="texte" rows="10" cols="80">%7$s</textarea>
                  <button type="submit">Importer</button>
                </form>
                <p><a href="/programme/mentors">Retour aux mentors</a></p>""".formatted(csrfField(request), escape(String.join(";", MentorCsv.COLUMNS)),
                escape(String.join(", ", MentorVocabulary.SECTORS.keySet())), escape(String.join(", ", MentorVocabulary.HELPS.keySet())),
                escape(String.join(", ", MentorVocabulary.GOALS.keySet())), MentorProfileInput.MAX_CAPACITY, escape(text)));
    }

    private static String refusal(String message) {
        return "<p class=\"errors\" role=\"alert\">" + escape(message) + "</p>";
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

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<String> tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request)
                throws MaxUploadSizeExceededException {
            // Tomcat answers 413 itself and forwards to /error, where Spring meets the same upload again.
            Object path = request.getDispatcherType() == DispatcherType.ERROR
                    ? request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
            if (!"/programme/mentors/import".equals(path)) {
                throw tooLarge;
            }
            return importPage(HttpStatus.PAYLOAD_TOO_LARGE, "", refusal(MentorCsv.TOO_LARGE), request);
        }
    }
}
