package org.passerelle.partners;

import org.passerelle.diagnostic.Departements;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.passerelle.web.Option;
import org.passerelle.web.TemplatePages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    /** One line of the directory, as leads read it (email null when missing). */
    record Row(long id, String name, String network, String departement, String ages, String diploma, String zone, String email,
            boolean active) {
    }

    private final PartnerRepository partners;
    private final PartnerImport imports;
    private final PartnerNetworks networks;
    private final TemplatePages pages;

    public PartnerPages(PartnerRepository partners, PartnerImport imports, PartnerNetworks networks, TemplatePages pages) {
        this.pages = pages;
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
        List<Row> rows = found.stream().limit(SHOWN_ROWS).map(p -> new Row(p.getId(), p.getName(),
                catalogue.containsKey(p.getNetwork()) ? catalogue.get(p.getNetwork()).label() : p.getNetwork(),
                departementLabel(p.getDepartement()), ages(p),
                p.getMaxDiplomaLevel() == null ? "" : DiplomaLevels.label(p.getMaxDiplomaLevel()), p.getZoneEligibilite(),
                hasEmail(p) ? p.getEmail() : null, p.isActive())).toList();
        Map<String, Object> values = new HashMap<>();
        values.put("view", "list");
        values.put("q", q);
        values.put("departements", departementOptions(departement));
        values.put("networks", catalogue.values().stream().map(n -> new Option(n.code(), n.label(), n.code().equals(reseau))).toList());
        values.put("withoutEmailOnly", !sansCourriel.isBlank());
        values.put("count", found.size());
        values.put("withoutEmail", found.stream().filter(p -> !hasEmail(p)).count());
        values.put("shownRows", SHOWN_ROWS);
        values.put("rows", rows);
        return pages.staffPage(HttpStatus.OK, "partner/directory", "Annuaire des partenaires", values);
    }

    @GetMapping("/nouveau")
    public ResponseEntity<String> blank() {
        return form(null, Map.of("age_min", "", "age_max", ""), List.of(), HttpStatus.OK);
    }

    @PostMapping(value = "/nouveau", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> create(@RequestParam Map<String, String> form) {
        PartnerImport.Entry entry = imports.create(field(form));
        return entry.errors().isEmpty() ? message(HttpStatus.CREATED, "Partenaire ajouté", "created", form.get("nom"), entry.partnerId())
                : form(null, form, entry.errors(), HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<String> edit(@PathVariable Long id) {
        return partners.findById(id).map(p -> form(p, valuesOf(p), List.of(), HttpStatus.OK)).orElseGet(this::unknown);
    }

    @PostMapping(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> save(@PathVariable Long id, @RequestParam Map<String, String> form) {
        if (partners.findById(id).isEmpty()) {
            return unknown();
        }
        List<String> errors = imports.edit(id, field(form));
        Partner partner = partners.findById(id).orElseThrow();
        return errors.isEmpty() ? message(HttpStatus.OK, "Partenaire enregistré", "saved", partner.getName(), id)
                : form(partner, form, errors, HttpStatus.BAD_REQUEST);
    }

    @PostMapping(value = "/{id}/reactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    public ResponseEntity<String> reactivate(@PathVariable Long id) {
        return setActive(id, true);
    }

    /** Deactivating takes a confirmation: the service leaves every mediator's proposals at once. */
    @PostMapping(value = "/{id}/desactiver", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Transactional
    public ResponseEntity<String> deactivate(@PathVariable Long id, @RequestParam(defaultValue = "") String confirme) {
        if (!"oui".equals(confirme)) {
            return partners.findById(id).map(p -> message(HttpStatus.OK, "Désactiver " + p.getName() + " ?", "confirmDeactivation",
                    p.getName(), p.getId())).orElseGet(this::unknown);
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
            return message(HttpStatus.OK, active ? "Partenaire réactivé" : "Partenaire désactivé", active ? "reactivated" : "deactivated",
                    p.getName(), p.getId());
        }).orElseGet(this::unknown);
    }

    private ResponseEntity<String> message(HttpStatus status, String title, String view, String name, Long id) {
        Map<String, Object> values = new HashMap<>();
        values.put("view", view);
        values.put("name", name);
        values.put("id", id);
        return pages.staffPage(status, "partner/directory", title, values);
    }

    private ResponseEntity<String> unknown() {
        return message(HttpStatus.NOT_FOUND, "Partenaire introuvable", "unknown", null, null);
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
    private ResponseEntity<String> form(Partner p, Map<String, String> typed, List<String> errors, HttpStatus status) {
        Map<String, Object> values = new HashMap<>();
        values.put("errors", errors);
        values.put("values", typed);
        values.put("id", p == null ? null : p.getId());
        values.put("active", p != null && p.isActive());
        values.put("action", p == null ? "/annuaire/partenaires/nouveau" : "/annuaire/partenaires/" + p.getId());
        values.put("networks", networkOptions(typed.get("reseau")));
        values.put("departements", departementOptions(typed.get("departement")));
        values.put("diplomas", diplomaOptions(typed.get("diplome_max")));
        values.put("statuses", org.passerelle.intake.YouthStatuses.LABELS.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(" ; ")));
        return pages.staffPage(status, "partner/service", p == null ? "Ajouter un partenaire" : "Modifier " + p.getName(), values);
    }

    /** "972 — Martinique". */
    private static String departementLabel(String code) {
        if (code == null) {
            return "";
        }
        String name = Departements.nameOf(code);
        return name == null ? String.valueOf(code) : code + " — " + name;
    }

    private static List<Option> departementOptions(String selected) {
        return Departements.codes().stream().sorted().map(code -> new Option(code, departementLabel(code), code.equals(selected))).toList();
    }

    /** The form names a network as a file would (its first import name); a network without one cannot be chosen. */
    private List<Option> networkOptions(String selected) {
        String chosen = selected == null ? null : selected.toLowerCase(Locale.ROOT);
        return networks.all().values().stream().filter(n -> !n.importNames().isEmpty())
                .sorted(java.util.Comparator.comparing(PartnerNetworks.Network::label))
                .map(n -> new Option(n.importNames().get(0), n.label(), chosen != null && n.importNames().contains(chosen))).toList();
    }

    private static List<Option> diplomaOptions(String selected) {
        List<Option> options = new java.util.ArrayList<>(List.of(new Option("", "règle du réseau", selected == null || selected.isBlank())));
        DiplomaLevels.ORDER.forEach(level -> options.add(new Option(level, DiplomaLevels.label(level), level.equals(selected))));
        return options;
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
