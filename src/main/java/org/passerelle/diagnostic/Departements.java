package org.passerelle.diagnostic;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** French départements (metropolitan, Corsica as 2A/2B, and the overseas 971–976) with their time zone. */
public final class Departements {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Map<String, ZoneId> OVERSEAS_ZONES = Map.of(
            "971", ZoneId.of("America/Guadeloupe"),
            "972", ZoneId.of("America/Martinique"),
            "973", ZoneId.of("America/Cayenne"),
            "974", ZoneId.of("Indian/Reunion"),
            "976", ZoneId.of("Indian/Mayotte"));
    private static final Map<String, String> NAMES = names();
    private static final Map<String, String> REGIONS = regions();

    private Departements() {
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String nameOf(String code) {
        return NAMES.get(code);
    }

    public static boolean isOverseas(String code) {
        return code != null && OVERSEAS_ZONES.containsKey(code);
    }

    /** The youth's local time zone, for nudges at a reasonable hour; Paris when unknown. */
    public static ZoneId zoneOf(String code) {
        return code == null ? PARIS : OVERSEAS_ZONES.getOrDefault(code, PARIS);
    }

    /** INSEE code of the département's région (overseas départements are régions of their own). */
    public static String regionOf(String code) {
        return code == null ? null : REGIONS.get(code);
    }

    /** Whether an INSEE commune code (5 characters: 93066, 2A004, 97411) lies in this département. */
    public static boolean isCommuneOf(String commune, String departement) {
        if (commune == null || departement == null || !commune.toUpperCase(java.util.Locale.ROOT).matches("\\d{5}|2[AB]\\d{3}")) {
            return false;
        }
        return commune.toUpperCase(java.util.Locale.ROOT).startsWith(departement);
    }

    public static Set<String> codes() {
        return NAMES.keySet();
    }

    private static Map<String, String> regions() {
        Map<String, String> byRegion = Map.ofEntries(
                Map.entry("84", "01 03 07 15 26 38 42 43 63 69 73 74"), Map.entry("27", "21 25 39 58 70 71 89 90"),
                Map.entry("53", "22 29 35 56"), Map.entry("24", "18 28 36 37 41 45"), Map.entry("94", "2A 2B"),
                Map.entry("44", "08 10 51 52 54 55 57 67 68 88"), Map.entry("32", "02 59 60 62 80"),
                Map.entry("11", "75 77 78 91 92 93 94 95"), Map.entry("28", "14 27 50 61 76"),
                Map.entry("75", "16 17 19 23 24 33 40 47 64 79 86 87"),
                Map.entry("76", "09 11 12 30 31 32 34 46 48 65 66 81 82"), Map.entry("52", "44 49 53 72 85"),
                Map.entry("93", "04 05 06 13 83 84"), Map.entry("01", "971"), Map.entry("02", "972"),
                Map.entry("03", "973"), Map.entry("04", "974"), Map.entry("06", "976"));
        Map<String, String> regions = new java.util.HashMap<>();
        byRegion.forEach((region, departements) -> {
            for (String departement : departements.split(" ")) {
                regions.put(departement, region);
            }
        });
        return Map.copyOf(regions);
    }

    private static Map<String, String> names() {
        String[] list = {
            "01", "Ain", "02", "Aisne", "03", "Allier", "04", "Alpes-de-Haute-Provence", "05", "Hautes-Alpes",
            "06", "Alpes-Maritimes", "07", "Ardèche", "08", "Ardennes", "09", "Ariège", "10", "Aube", "11", "Aude",
            "12", "Aveyron", "13", "Bouches-du-Rhône", "14", "Calvados", "15", "Cantal", "16", "Charente",
            "17", "Charente-Maritime", "18", "Cher", "19", "Corrèze", "2A", "Corse-du-Sud", "2B", "Haute-Corse",
            "21", "Côte-d'Or", "22", "Côtes-d'Armor", "23", "Creuse", "24", "Dordogne", "25", "Doubs", "26", "Drôme",
            "27", "Eure", "28", "Eure-et-Loir", "29", "Finistère", "30", "Gard", "31", "Haute-Garonne", "32", "Gers",
            "33", "Gironde", "34", "Hérault", "35", "Ille-et-Vilaine", "36", "Indre", "37", "Indre-et-Loire",
            "38", "Isère", "39", "Jura", "40", "Landes", "41", "Loir-et-Cher", "42", "Loire", "43", "Haute-Loire",
            "44", "Loire-Atlantique", "45", "Loiret", "46", "Lot", "47", "Lot-et-Garonne", "48", "Lozère",
            "49", "Maine-et-Loire", "50", "Manche", "51", "Marne", "52", "Haute-Marne", "53", "Mayenne",
            "54", "Meurthe-et-Moselle", "55", "Meuse", "56", "Morbihan", "57", "Moselle", "58", "Nièvre", "59", "Nord",
            "60", "Oise", "61", "Orne", "62", "Pas-de-Calais", "63", "Puy-de-Dôme", "64", "Pyrénées-Atlantiques",
            "65", "Hautes-Pyrénées", "66", "Pyrénées-Orientales", "67", "Bas-Rhin", "68", "Haut-Rhin", "69", "Rhône",
            "70", "Haute-Saône", "71", "Saône-et-Loire", "72", "Sarthe", "73", "Savoie", "74", "Haute-Savoie",
            "75", "Paris", "76", "Seine-Maritime", "77", "Seine-et-Marne", "78", "Yvelines", "79", "Deux-Sèvres",
            "80", "Somme", "81", "Tarn", "82", "Tarn-et-Garonne", "83", "Var", "84", "Vaucluse", "85", "Vendée",
            "86", "Vienne", "87", "Haute-Vienne", "88", "Vosges", "89", "Yonne", "90", "Territoire de Belfort",
            "91", "Essonne", "92", "Hauts-de-Seine", "93", "Seine-Saint-Denis", "94", "Val-de-Marne", "95", "Val-d'Oise",
            "971", "Guadeloupe", "972", "Martinique", "973", "Guyane", "974", "La Réunion", "976", "Mayotte"};
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < list.length; i += 2) {
            names.put(list[i], list[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
