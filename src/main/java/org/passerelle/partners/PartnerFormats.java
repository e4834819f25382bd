package org.passerelle.partners;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * Each source's shape read into rows before any check: a data·inclusion JSON file, the national list of Missions
 * Locales, a programme lead's CSV, the directory's form.
 */
final class PartnerFormats {

    private PartnerFormats() {
    }

    static List<PartnerRow> dataInclusion(JsonNode services) {
        List<PartnerRow> rows = new ArrayList<>();
        for (JsonNode s : services.isArray() ? services : services.path("services")) {
            JsonNode structure = s.path("structure");
            JsonNode criteria = s.path("criteres");
            rows.add(new PartnerRow(text(s, "id"), text(s, "nom"), text(structure, "nom"),
                    text(structure.path("reseaux_porteurs"), 0), text(structure, "code_departement"),
                    text(structure, "code_insee"), text(s, "courriel"), text(s, "telephone"), text(criteria, "age_min"),
                    text(criteria, "age_max"), text(criteria, "niveau_diplome_max"), text(criteria, "niveau_diplome_min"),
                    list(s.path("zone_eligibilite")), text(s, "zone_eligibilite_type"), String.join(",", list(criteria.path("statuts"))),
                    text(criteria, "places"), String.join(",", list(s.path("publics"))), String.join(" ; ", list(s.path("conditions_acces"))),
                    String.join(",", list(s.path("modes_mobilisation"))), !"inactif".equals(text(s, "statut"))));
        }
        return rows;
    }

    /** The national referential of Missions Locales (State open data): one service per Mission Locale, its département as zone. */
    static List<PartnerRow> missionsLocales(JsonNode structures) {
        List<PartnerRow> rows = new ArrayList<>();
        for (JsonNode s : structures) {
            String name = displayName(text(s, "nom_usuel"), text(s, "nom_officiel"));
            String departement = text(s, "code_departement");
            rows.add(new PartnerRow(text(s, "id"), name, text(s, "nom_officiel"), "mission-locale", departement, null, null, null,
                    null, null, null, null, departement == null ? List.of() : List.of(departement), "departement", null,
                    null, "jeunes-16-26", null, null, true));
        }
        return rows;
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
    static List<PartnerRow> csv(String csv) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(";", -1));
        List<PartnerRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            java.util.function.Function<String, String> cell = name -> {
                int i = header.indexOf(name);
                return i < 0 || i >= cells.length || cells[i].isBlank() ? null : cells[i].trim();
            };
            String zones = cell.apply("zones");
            rows.add(new PartnerRow(cell.apply("id"), cell.apply("nom"), cell.apply("structure"), cell.apply("reseau"),
                    cell.apply("departement"), cell.apply("commune"), cell.apply("courriel"), cell.apply("telephone"),
                    cell.apply("age_min"), cell.apply("age_max"), cell.apply("diplome_max"), cell.apply("diplome_min"),
                    zones == null ? List.of() : List.of(zones.split(",")), "prefixe", cell.apply("statuts"),
                    cell.apply("places"), null, null, null, !"non".equalsIgnoreCase(cell.apply("actif"))));
        }
        return rows;
    }

    /** The directory page's fields; what the page does not show is kept from the partner being edited. */
    static PartnerRow form(String id, java.util.function.Function<String, String> form, Partner kept) {
        String zones = form.apply("zones");
        return new PartnerRow(id, form.apply("nom"), kept == null ? form.apply("nom") : kept.getStructureName(), form.apply("reseau"),
                form.apply("departement"), kept == null ? null : kept.getCommuneCode(), form.apply("courriel"), form.apply("telephone"),
                form.apply("age_min"), form.apply("age_max"), form.apply("diplome_max"), form.apply("diplome_min"),
                zones == null ? List.of() : List.of(zones.split(",")), "prefixe", form.apply("statuts"), form.apply("places"),
                kept == null ? null : kept.getPublics(), kept == null ? null : kept.getConditionsAcces(),
                kept == null ? null : kept.getModesMobilisation(), kept == null || kept.isActive());
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
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).map(PartnerFormats::valueOf)
                .filter(java.util.Objects::nonNull).toList() : List.of();
    }
}
