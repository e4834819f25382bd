package org.passerelle.partners;

import org.passerelle.diagnostic.Departements;

import static org.passerelle.web.HtmlPages.escape;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.web.HtmlPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory for programme leads: list, search, edit and deactivate partner services. */
@RestController
@RequestMapping(value = "/annuaire/partenaires", produces = MediaType.TEXT_HTML_VALUE)
public class PartnerPages {

    private static final int SHOWN_ROWS = 500;

    private final PartnerRepository partners;
    private final PartnerImport imports;
    private final PartnerNetworks networks;

    public PartnerPages(PartnerRepository partners, PartnerImport imports, PartnerNetworks networks) {
        this.networks = networks;
        this.partners = partners;
        this.imports = imports;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public ResponseEntity<String> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String departement,
            @RequestParam(defaultValue = "") String reseau, @RequestParam(defaultValue = "") String sansCourriel) {
        String query = q.trim().toLowerCase(Locale.FRENCH);
        List<Partner> found = partners.findAll().stream()
                .filter(p -> query.isEmpty() || (p.getName() + " " + p.getStructureName() + " "
                        + departementLabel(p.getDepartement())).toLowerCase(Locale.FRENCH).contains(query))
                .filter(p -> departement.isBlank() || departement.equals(p.getDepartement()))
                .filter(p -> reseau.isBlank() || reseau.equals(p.getNetwork()))
                .filter(p -> sansCourriel.isBlank() || !hasEmail(p))
                .sorted(java.util.Comparator.comparing(Partner::getDepartement).thenComparing(Partner::getName))
                .toList();
        Map<String, PartnerNetworks.Network> catalogue = networks.all();
        String rows = found.stream().limit(SHOWN_ROWS).map(p -> "<tr><td>" + escape(p.getName()) + "</td><td>"
                + escape(catalogue.containsKey(p.getNetwork()) ? catalogue.get(p.getNetwork()).label() : p.getNetwork()) + "</td><td>" + escape(departementLabel(p.getDepartement())) + "</td><td>"
                + ages(p) + "</td><td>" + escape(p.getMaxDiplomaLevel() == null ? "" : DiplomaLevels.label(p.getMaxDiplomaLevel()))
                + "</td><td>" + escape(p.getZoneEligibilite())
                + "</td><td>" + (hasEmail(p) ? escape(p.getEmail()) : "<span class=\"errors\">à compléter</span>")
                + "</td><td>" + (p.isActive() ? "actif" : "désactivé") + "</td><td><a href=\"/annuaire/partenaires/" + p.getId()
                + "\">Modifier</a></td></tr>").collect(Collectors.joining("\n"));
        long withoutEmail = found.stream().filter(p -> !hasEmail(p)).count();
        String networks = catalogue.values().stream().map(n -> option(n.code(), n.label(), n.code().equals(reseau)))
                .collect(Collectors.joining());
        return HtmlPages.staffPage(HttpStatus.OK, "Annuaire des partenaires", """
                <form method="get" action="/annuaire/partenaires">
                  <label for="q">Nom ou territoire</label><input id="q" name="q" value="%s">
                  <label for="departement">Département</label><select id="departement" name="departement"><option value="">Tous</option>%s</select>
                  <label for="reseau">Réseau</label><select id="reseau" name="reseau"><option value="">Tous</option>%s</select>
                  <label><input type="checkbox" name="sansCourriel" value="oui"%s> Seulement les structures sans courriel</label>
                  <button type="submit">Rechercher</button>
                </form>
                <p><a href="/annuaire/partenaires/nouveau">Ajouter un partenaire</a></p>
                <p>%d structure(s)%s.%s</p>
                <table><thead><tr><th>Nom</th><th>Réseau</th><th>Département</th><th>Âges</th><th>Diplôme max</th><th>Zone</th><th>Courriel</th><th>État</th><th></th></tr></thead>
                <tbody>%s</tbody></table>""".formatted(escape(q), departementOptions(departement), networks, sansCourriel.isBlank() ? "" : " checked",
                found.size(), withoutEmail == 0 ? "" : ", dont " + withoutEmail
                        + " sans courriel : les médiateurs ne peuvent pas leur adresser d'orientation avant qu'il soit saisi",
                found.size() > SHOWN_ROWS ? " Les " + SHOWN_ROWS + " premières sont affichées : précisez la recherche." : "", rows));
    }

    @GetMapping("/nouveau")
    public ResponseEntity<String> blank(HttpServletRequest request) {
        return form(null, Map.of("age_min", "", "age_max", ""), List.of(), request, HttpStatus.OK);
    }

    @PostMapping(value = "/nouveau", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> create(@RequestParam Map<String, String> form, HttpServletRequest request) {
        PartnerImport.Entry entry = imports.create(field(form));
        return entry.errors().isEmpty() ? HtmlPages.staffPage(HttpStatus.CREATED, "Partenaire ajouté",
                "<p>" + escape(form.get("nom")) + " est dans l'annuaire.</p><p><a href=\"/annuaire/partenaires/" + entry.partnerId()
                        + "\">Voir la fiche</a> · <a href=\"/annuaire/partenaires\">Retour à l'annuaire</a></p>")
                : form(null, form, entry.errors(), request, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<String> edit(@PathVariable Long id, HttpServletRequest request) {
        return partners.findById(id).map(p -> form(p, valuesOf(p), List.of(), request, HttpStatus.OK))
                .orElse(HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Partenaire introuvable", "<p><a href=\"/annuaire/partenaires\">Retour</a></p>"));
    }

    @PostMapping(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable Long id, @RequestParam Map<String, String> form, HttpServletRequest request) {
        if (partners.findById(id).isEmpty()) {
            return HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Partenaire introuvable", "");
        }
        List<String> errors = imports.edit(id, field(form));
        Partner partner = partners.findById(id).orElseThrow();
        return errors.isEmpty() ? HtmlPages.staffPage(HttpStatus.OK, "Partenaire enregistré",
                "<p>" + escape(partner.getName()) + " est à jour.</p><p><a href=\"/annuaire/partenaires\">Retour à l'annuaire</a></p>")
                : form(partner, form, errors, request, HttpStatus.BAD_REQUEST);
    }

    @PostMapping(value = "/{id}/reactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    public ResponseEntity<String> reactivate(@PathVariable Long id) {
        return setActive(id, true);
    }

    /** Deactivating takes a confirmation: the service leaves every mediator's proposals at once. */
    @PostMapping(value = "/{id}/desactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    public ResponseEntity<String> deactivate(@PathVariable Long id, @RequestParam(defaultValue = "") String confirme,
            HttpServletRequest request) {
        if (!"oui".equals(confirme)) {
            return partners.findById(id).map(p -> HtmlPages.staffPage(HttpStatus.OK, "Désactiver " + p.getName() + " ?",
                    "<p>" + escape(p.getName()) + " ne sera plus proposé aux médiateurs pour de nouvelles orientations. "
                            + "Les orientations en cours ne changent pas.</p><form method=\"post\" action=\"/annuaire/partenaires/"
                            + p.getId() + "/desactiver\">" + csrfField(request) + "<input type=\"hidden\" name=\"confirme\" value=\"oui\">"
                            + "<button type=\"submit\">Oui, désactiver</button></form><p><a href=\"/annuaire/partenaires/" + p.getId()
                            + "\">Non, revenir au partenaire</a></p>"))
                    .orElse(HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Partenaire introuvable", ""));
        }
        return setActive(id, false);
    }

    private ResponseEntity<String> setActive(Long id, boolean active) {
        return partners.findById(id).map(p -> {
            if (active) {
                p.reactivate();
            } else {
                p.deactivate();
            }
            return HtmlPages.staffPage(HttpStatus.OK, active ? "Partenaire réactivé" : "Partenaire désactivé", "<p>" + escape(p.getName())
                    + (active ? " est de nouveau proposé aux médiateurs." : " ne sera plus proposé aux médiateurs.")
                    + "</p><p><a href=\"/annuaire/partenaires\">Retour à l'annuaire</a></p>");
        }).orElse(HtmlPages.staffPage(HttpStatus.NOT_FOUND, "Partenaire introuvable", ""));
    }

    private static java.util.function.Function<String, String> field(Map<String, String> form) {
        return name -> {
            String value = form.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        };
    }


    private Map<String, String> valuesOf(Partner p) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("nom", p.getName());
        values.put("reseau", networkCode(p.getNetwork()));
        values.put("departement", p.getDepartement());
        values.put("courriel", p.getEmail());
        values.put("telephone", p.getPhone());
        values.put("age_min", p.getAgeMin() == null ? null : p.getAgeMin().toString());
        values.put("age_max", p.getAgeMax() == null ? null : p.getAgeMax().toString());
        values.put("diplome_max", p.getMaxDiplomaLevel());
        values.put("zones", p.getZoneEligibilite());
        values.put("statuts", p.getRequiredStatuses());
        values.put("places", p.getCapacity() == null ? null : p.getCapacity().toString());
        return values;
    }

    /** The partner's form, for a new partner (p null) or an existing one; values as last typed, so errors lose nothing. */
    private ResponseEntity<String> form(Partner p, Map<String, String> values, List<String> errors,
            HttpServletRequest request, HttpStatus status) {
        String hidden = csrfField(request);
        String errorList = errors.isEmpty() ? "" : "<ul class=\"errors\">" + errors.stream().map(e -> "<li>" + escape(e) + "</li>")
                .collect(Collectors.joining()) + "</ul>";
        String action = p == null ? "/annuaire/partenaires/nouveau" : "/annuaire/partenaires/" + p.getId();
        String state = p == null ? "" : p.isActive()
                ? "<form method=\"post\" action=\"" + action + "/desactiver\">" + hidden + "<button type=\"submit\">Désactiver ce partenaire</button></form>"
                : "<p>Ce partenaire est désactivé : il n'est plus proposé aux médiateurs.</p><form method=\"post\" action=\"" + action
                        + "/reactiver\">" + hidden + "<button type=\"submit\">Réactiver ce partenaire</button></form>";
        java.util.function.Function<String, String> v = name -> escape(values.get(name));
        return HtmlPages.staffPage(status, p == null ? "Ajouter un partenaire" : "Modifier " + p.getName(), errorList + """
                <form method="post" action="%1$s">%2$s
                  <label for="nom">Nom</label><input id="nom" name="nom" value="%3$s" size="60">
                  <label for="reseau">Réseau</label><select id="reseau" name="reseau">%4$s</select>
                  <label for="departement">Département</label><select id="departement" name="departement">%5$s</select>
                  <label for="courriel">Courriel (reçoit les orientations)</label><input id="courriel" name="courriel" value="%6$s" size="40">
                  <label for="telephone">Téléphone</label><input id="telephone" name="telephone" value="%7$s">
                  <label for="age_min">Âge minimum (vide : règle du réseau)</label><input id="age_min" name="age_min" value="%8$s" size="3">
                  <label for="age_max">Âge maximum (vide : règle du réseau)</label><input id="age_max" name="age_max" value="%9$s" size="3">
                  <label for="diplome_max">Diplôme le plus élevé accepté</label><select id="diplome_max" name="diplome_max">%10$s</select>
                  <label for="zones">Zones (dep:93, reg:11, com:93066, france, metropole ; vide : son département)</label><input id="zones" name="zones" value="%11$s" size="60">
                  <label for="statuts">Publics réservés (codes séparés par des virgules ; vide : tous les jeunes) : %15$s</label><input id="statuts" name="statuts" value="%12$s">
                  <label for="places">Places</label><input id="places" name="places" value="%13$s" size="4">
                  <button type="submit">Enregistrer</button>
                </form>
                %14$s
                <p><a href="/annuaire/partenaires">Retour à l'annuaire</a></p>""".formatted(action, hidden, v.apply("nom"),
                networkOptions(values.get("reseau")), "<option value=\"\"></option>" + departementOptions(values.get("departement")),
                v.apply("courriel"), v.apply("telephone"), v.apply("age_min"),
                v.apply("age_max"), diplomaOptions(values.get("diplome_max")), v.apply("zones"), v.apply("statuts"), v.apply("places"), state,
                escape(org.passerelle.intake.YouthStatuses.LABELS.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(" ; ")))));
    }

    private static String csrfField(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf == null ? "" : "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">";
    }

    /** "972 — Martinique". */
    private static String departementLabel(String code) {
        if (code == null) {
            return "";
        }
        String name = Departements.nameOf(code);
        return name == null ? String.valueOf(code) : code + " — " + name;
    }

    private static String departementOptions(String selected) {
        return Departements.codes().stream().sorted().map(code -> option(code, departementLabel(code), code.equals(selected)))
                .collect(Collectors.joining());
    }

    /** The form names a network as a file would (its first import name); a network without one cannot be chosen. */
    private String networkOptions(String selected) {
        String chosen = selected == null ? null : selected.toLowerCase(Locale.ROOT);
        return "<option value=\"\"></option>" + networks.all().values().stream().filter(n -> !n.importNames().isEmpty())
                .sorted(java.util.Comparator.comparing(PartnerNetworks.Network::label))
                .map(n -> option(n.importNames().get(0), n.label(), chosen != null && n.importNames().contains(chosen)))
                .collect(Collectors.joining());
    }

    private static String diplomaOptions(String selected) {
        return option("", "règle du réseau", selected == null || selected.isBlank()) + DiplomaLevels.ORDER.stream()
                .map(level -> option(level, DiplomaLevels.label(level), level.equals(selected))).collect(Collectors.joining());
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label) + "</option>";
    }

    private String networkCode(String network) {
        return networks.ofCode(network).filter(n -> !n.importNames().isEmpty()).map(n -> n.importNames().get(0)).orElse("");
    }

    private static boolean hasEmail(Partner p) {
        return p.getEmail() != null && !p.getEmail().isBlank();
    }

    private static String ages(Partner p) {
        if (p.getAgeMin() == null && p.getAgeMax() == null) {
            return "";
        }
        return (p.getAgeMin() == null ? "" : p.getAgeMin()) + "–" + (p.getAgeMax() == null ? "" : p.getAgeMax());
    }
}
