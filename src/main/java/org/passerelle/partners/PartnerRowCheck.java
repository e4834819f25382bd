package org.passerelle.partners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.passerelle.diagnostic.Departements;
import org.passerelle.intake.YouthStatuses;

/**
 * The checks every partner row passes, whatever its source: French reasons for what is wrong, or the description
 * to save, completed with its network's national rules.
 */
final class PartnerRowCheck {

    private static final Set<String> REGIONS = Set.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44",
            "52", "53", "75", "76", "84", "93", "94");

    private PartnerRowCheck() {
    }

    static Partner.Description describe(PartnerRow row, Map<String, PartnerNetworks.Network> catalogue, List<String> reasons) {
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
    private static String zones(PartnerRow row, List<String> reasons) {
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
}
