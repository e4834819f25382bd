package org.passerelle.partners;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.passerelle.diagnostic.Departements;
import org.passerelle.intake.YouthStatuses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports partner services from a data·inclusion-shaped JSON file or from a programme lead's CSV.
 * Idempotent on (source, id): importing the same file twice changes nothing. Bad rows are reported
 * with their reasons; good rows are kept.
 */
@Service
public class PartnerImport {

    private static final Set<String> REGIONS = Set.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44",
            "52", "53", "75", "76", "84", "93", "94");

    static final String MANUAL_SOURCE = "annuaire";

    private final PartnerRepository partners;
    private final PartnerNetworks networks;

    public PartnerImport(PartnerRepository partners, PartnerNetworks networks) {
        this.partners = partners;
        this.networks = networks;
    }

    public record Rejected(int row, String id, List<String> reasons) {
    }

    public record Report(int created, int updated, List<Rejected> rejected) {
    }

    /** One row, whatever its file format, before validation. */
    record Row(String id, String name, String structureName, String network, String departement, String commune,
            String email, String phone, String ageMin, String ageMax, String maxDiploma, String minDiploma,
            List<String> zones, String zoneType, String statuses, String capacity, String publics, String conditions,
            String modes, boolean active) {
    }

    @Transactional
    public Report importDataInclusion(String source, JsonNode services) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode s : services.isArray() ? services : services.path("services")) {
            JsonNode structure = s.path("structure");
            JsonNode criteria = s.path("criteres");
            rows.add(new Row(text(s, "id"), text(s, "nom"), text(structure, "nom"),
                    text(structure.path("reseaux_porteurs"), 0), text(structure, "code_departement"),
                    text(structure, "code_insee"), text(s, "courriel"), text(s, "telephone"), text(criteria, "age_min"),
                    text(criteria, "age_max"), text(criteria, "niveau_diplome_max"), text(criteria, "niveau_diplome_min"),
                    list(s.path("zone_eligibilite")), text(s, "zone_eligibilite_type"), String.join(",", list(criteria.path("statuts"))),
                    text(criteria, "places"), String.join(",", list(s.path("publics"))), String.join(" ; ", list(s.path("conditions_acces"))),
                    String.join(",", list(s.path("modes_mobilisation"))), !"inactif".equals(text(s, "statut"))));
        }
        return save(source, rows);
    }

    /**
     * The national referential of Missions Locales as published by the State's open data (objects with
     * "id", "nom_usuel", "nom_officiel", "code_departement"): one service per Mission Locale, with the
     * network's rules and its département as zone.
     */
    @Transactional
    public Report importMissionsLocales(String source, JsonNode structures) {
        return importMissionsLocales(source, structures, Existing.RENAME);
    }

    /**
     * What an import does with a service it already has: replace its description, only refresh its
     * names (a list that carries no contact nor criteria must not wipe what the programme lead entered),
     * or leave it as it is.
     */
    public enum Existing { UPDATE, RENAME, KEEP }

    @Transactional
    public Report importMissionsLocales(String source, JsonNode structures, Existing existing) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode s : structures) {
            String name = displayName(text(s, "nom_usuel"), text(s, "nom_officiel"));
            String departement = text(s, "code_departement");
            rows.add(new Row(text(s, "id"), name, text(s, "nom_officiel"), "mission-locale", departement, null, null, null,
                    null, null, null, null, departement == null ? List.of() : List.of(departement), "departement", null,
                    null, "jeunes-16-26", null, null, true));
        }
        return save(source, rows, existing);
    }

    /**
     * Usual names alone can say little ("SIEGE", "AVEC", "Antenne de Villiers"); the official one
     * ("13-ML ISTRES") names the town, so mediators read both when they differ.
     */
    static String displayName(String usual, String official) {
        if (usual == null || official == null || usual.equalsIgnoreCase(official)) {
            return usual != null ? usual : official;
        }
        return usual + " (" + official + ")";
    }

    /** The programme lead's CSV: ';' separated, header "id;nom;reseau;departement;...". */
    @Transactional
    public Report importCsv(String source, String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return new Report(0, 0, List.of());
        }
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(";", -1));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            java.util.function.Function<String, String> cell = name -> {
                int i = header.indexOf(name);
                return i < 0 || i >= cells.length || cells[i].isBlank() ? null : cells[i].trim();
            };
            String zones = cell.apply("zones");
            rows.add(new Row(cell.apply("id"), cell.apply("nom"), cell.apply("structure"), cell.apply("reseau"),
                    cell.apply("departement"), cell.apply("commune"), cell.apply("courriel"), cell.apply("telephone"),
                    cell.apply("age_min"), cell.apply("age_max"), cell.apply("diplome_max"), cell.apply("diplome_min"),
                    zones == null ? List.of() : List.of(zones.split(",")), "prefixe", cell.apply("statuts"),
                    cell.apply("places"), null, null, null, !"non".equalsIgnoreCase(cell.apply("actif"))));
        }
        return save(source, rows);
    }

    /** What a programme lead's form gave: the new partner's id, or the errors (in French) and nothing saved. */
    public record Entry(Long partnerId, List<String> errors) {
    }

    /** A partner a programme lead adds by hand: the same checks as an import. */
    @Transactional
    public Entry create(java.util.function.Function<String, String> form) {
        String id = "manuel-" + java.util.UUID.randomUUID();
        List<String> reasons = new ArrayList<>();
        Partner.Description description = describe(formRow(id, form, null), networks.all(), reasons);
        return reasons.isEmpty() ? new Entry(partners.save(Partner.imported(MANUAL_SOURCE, id, description)).getId(), List.of())
                : new Entry(null, reasons);
    }

    /** A programme lead's edit of one partner: the same checks as an import; errors in French, nothing saved then. */
    @Transactional
    public List<String> edit(Long partnerId, java.util.function.Function<String, String> form) {
        Partner partner = partners.findById(partnerId).orElseThrow();
        List<String> reasons = new ArrayList<>();
        Partner.Description description = describe(formRow(String.valueOf(partnerId), form, partner), networks.all(), reasons);
        if (reasons.isEmpty()) {
            partner.describe(description);
        }
        return reasons;
    }

    /** The directory page's fields; what the page does not show is kept from the partner being edited. */
    private static Row formRow(String id, java.util.function.Function<String, String> form, Partner kept) {
        String zones = form.apply("zones");
        return new Row(id, form.apply("nom"), kept == null ? form.apply("nom") : kept.getStructureName(), form.apply("reseau"),
                form.apply("departement"), kept == null ? null : kept.getCommuneCode(), form.apply("courriel"), form.apply("telephone"),
                form.apply("age_min"), form.apply("age_max"), form.apply("diplome_max"), form.apply("diplome_min"),
                zones == null ? List.of() : List.of(zones.split(",")), "prefixe", form.apply("statuts"), form.apply("places"),
                kept == null ? null : kept.getPublics(), kept == null ? null : kept.getConditionsAcces(),
                kept == null ? null : kept.getModesMobilisation(), kept == null || kept.isActive());
    }

    private Report save(String source, List<Row> rows) {
        return save(source, rows, Existing.UPDATE);
    }

    private Report save(String source, List<Row> rows, Existing onExisting) {
        int created = 0;
        int updated = 0;
        List<Rejected> rejected = new ArrayList<>();
        Map<String, PartnerNetworks.Network> catalogue = networks.all();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            List<String> reasons = new ArrayList<>();
            Partner.Description description = describe(row, catalogue, reasons);
            if (!reasons.isEmpty()) {
                rejected.add(new Rejected(i + 1, row.id(), reasons));
                continue;
            }
            var existing = partners.findBySourceAndSourceId(source, row.id());
            if (existing.isPresent()) {
                if (onExisting == Existing.UPDATE) {
                    existing.get().describe(description);
                    updated++;
                } else if (onExisting == Existing.RENAME) {
                    existing.get().rename(description.name(), description.structureName());
                    updated++;
                }
            } else {
                partners.save(Partner.imported(source, row.id(), description));
                created++;
            }
        }
        return new Report(created, updated, rejected);
    }

    private static Partner.Description describe(Row row, Map<String, PartnerNetworks.Network> catalogue, List<String> reasons) {
        plainText("identifiant", row.id(), 160, reasons);
        plainText("nom", row.name(), 200, reasons);
        plainText("structure", row.structureName(), 200, reasons);
        plainText("courriel", row.email(), 200, reasons);
        plainText("téléphone", row.phone(), 40, reasons);
        plainText("publics", row.publics(), 500, reasons);
        plainText("conditions d'accès", row.conditions(), 2000, reasons);
        plainText("modes de mobilisation", row.modes(), 500, reasons);
        plainText("zones", String.join(",", row.zones()), 2000, reasons);
        if (row.id() == null) {
            reasons.add("identifiant manquant");
        }
        if (row.name() == null) {
            reasons.add("nom manquant");
        }
        PartnerNetworks.Network rule = row.network() == null ? null
                : PartnerNetworks.byImportName(catalogue, row.network()).orElse(null);
        if (rule == null) {
            reasons.add("réseau inconnu : " + row.network() + " (attendu : " + String.join(", ", catalogue.values().stream()
                    .flatMap(n -> n.importNames().stream()).sorted().toList()) + ")");
        }
        String departement = row.departement() != null ? row.departement()
                : row.commune() != null && row.commune().length() == 5 ? departementOfCommune(row.commune()) : null;
        if (!Departements.isValid(departement)) {
            reasons.add("département inconnu : " + departement);
        }
        if (row.email() != null && !row.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            reasons.add("adresse courriel invalide : " + row.email());
        }
        Integer ageMin = number(row.ageMin(), "âge minimum", reasons);
        Integer ageMax = number(row.ageMax(), "âge maximum", reasons);
        Integer capacity = number(row.capacity(), "places", reasons);
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            reasons.add("âge minimum supérieur à l'âge maximum");
        }
        for (String level : new String[] {row.maxDiploma(), row.minDiploma()}) {
            if (level != null && !DiplomaLevels.isKnown(level)) {
                reasons.add("niveau de diplôme inconnu : " + level);
            }
        }
        String zones = zones(row, reasons);
        String statuses = statuses(row.statuses(), reasons);
        if (!reasons.isEmpty()) {
            return null;
        }
        String network = rule.code();
        String zone = zones.isEmpty() ? "dep:" + departement : zones;
        return new Partner.Description(row.name(), row.structureName(), network, departement, row.commune(),
                row.email() == null ? "" : row.email(), row.phone(),
                ageMin != null ? ageMin : rule.ageMin(), ageMax != null ? ageMax : rule.ageMax(),
                row.minDiploma(), row.maxDiploma() != null ? row.maxDiploma() : rule.maxDiplomaLevel(),
                statuses.isEmpty() ? null : statuses, zone, row.publics(),
                row.conditions(), row.modes(), capacity, row.active());
    }

    /** A typed text must fit its column and be plain: no control, NUL or direction-override characters. */
    private static void plainText(String label, String value, int maxLength, List<String> reasons) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            reasons.add(label + " trop long : " + value.length() + " caractères (" + maxLength + " au plus)");
        }
        boolean hidden = value.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || Character.getType(c) == Character.FORMAT);
        if (hidden) {
            reasons.add(label + " : caractères invisibles ou de contrôle refusés");
        }
    }

    /** Statuses a service is reserved to, as the diagnostic records them (RQTH typed by hand becomes rqth). */
    private static String statuses(String raw, List<String> reasons) {
        List<String> codes = new ArrayList<>();
        for (String typed : raw == null ? new String[0] : raw.split(",")) {
            if (typed.isBlank()) {
                continue;
            }
            YouthStatuses.LABELS.keySet().stream().filter(code -> code.equalsIgnoreCase(typed.trim())).findFirst()
                    .ifPresentOrElse(codes::add, () -> reasons.add("statut inconnu : " + typed.trim() + " (attendus : "
                            + String.join(", ", YouthStatuses.LABELS.keySet()) + ")"));
        }
        return String.join(",", codes);
    }

    /** Typed zones ("dep:93", "reg:11", "com:93066", "france", "metropole"), checked against the referential. */
    private static String zones(Row row, List<String> reasons) {
        List<String> typed = new ArrayList<>();
        String defaultType = row.zoneType() == null ? "departement" : row.zoneType();
        for (String raw : row.zones()) {
            String code = raw.trim();
            if (code.isEmpty()) {
                continue;
            }
            String zone = switch (defaultType) {
                case "prefixe" -> code;
                case "commune" -> "com:" + code;
                case "region" -> "reg:" + code;
                case "pays" -> "france";
                default -> "dep:" + code;
            };
            if (!validZone(zone)) {
                reasons.add("zone inconnue : " + code);
            }
            typed.add(zone);
        }
        return typed.stream().distinct().collect(Collectors.joining(","));
    }

    private static boolean validZone(String zone) {
        if (zone.equals("france") || zone.equals("metropole")) {
            return true;
        }
        String code = zone.substring(zone.indexOf(':') + 1);
        return switch (zone.substring(0, Math.max(0, zone.indexOf(':')))) {
            case "dep" -> Departements.isValid(code);
            case "reg" -> REGIONS.contains(code);
            case "com" -> code.length() == 5 && Departements.isValid(departementOfCommune(code));
            default -> false;
        };
    }

    static String departementOfCommune(String commune) {
        return commune.startsWith("97") ? commune.substring(0, 3) : commune.substring(0, 2);
    }

    private static Integer number(String value, String what, List<String> reasons) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > 9999) {
                reasons.add(what + " hors limites : " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            reasons.add(what + " n'est pas un nombre : " + value);
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return valueOf(node.path(field));
    }

    private static String text(JsonNode array, int index) {
        return valueOf(array.path(index));
    }

    /** JSON null, absent and blank all mean "not given" (Jackson would read null as the text "null"). */
    private static String valueOf(JsonNode value) {
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    private static List<String> list(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).map(PartnerImport::valueOf)
                .filter(java.util.Objects::nonNull).toList() : List.of();
    }
}
