package org.passerelle.qualification;

import java.text.Normalizer;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.passerelle.diagnostic.Departements;

/**
 * Reads a youth's free answer to one of the guided questions, where reasonable: "j'ai 17 ans", "né en 2008",
 * "971", "Seine-Saint-Denis", "bac pro", a tapped button or its number. Nothing is guessed beyond that.
 */
public final class QualificationAnswers {

    /** The questions Passerelle knows how to read, by the key "Questions au jeune" gives them. */
    public static final java.util.Set<String> KEYS = java.util.Set.of("accord", "age", "departement", "situation", "diplome",
            "souhait", "disponibilite");

    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,4})\\b");
    private static final Pattern HUMAN = Pattern.compile(".*\\b(parler|humain|quelqu.?un|conseill\\w*|mediateur\\w*|mediatrice\\w*|rappel\\w*|appelez|appelle.moi)\\b.*");

    private QualificationAnswers() {
    }

    /** Folded for matching: lower case, no accents, single spaces. */
    static String fold(String text) {
        return Normalizer.normalize(text == null ? "" : text.toLowerCase(Locale.FRENCH), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[’']", " ").replaceAll("\\s+", " ").strip();
    }

    /** "Parler à quelqu'un", at any question. */
    public static boolean asksForAHuman(String text) {
        return HUMAN.matcher(fold(text)).matches();
    }

    /** The stored value of an answer to the question of this key, when it reads clearly. */
    public static Optional<String> read(String key, String text, Year thisYear) {
        String words = fold(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (key) {
            case "accord" -> agreement(words);
            case "age" -> age(words, thisYear);
            case "departement" -> departement(words);
            case "situation" -> choice(words, Map.of("1", "etudiant", "2", "chomeur", "3", "decrocheur", "4", "inactif"),
                    new String[][] {{"decroch|arrete|abandon|quitte", "decrocheur"}, {"etud|lycee|ecole|fac|cours|alternan", "etudiant"},
                            {"chomage|cherche|recherche|sans emploi|demandeur", "chomeur"}, {"rien|inactif|maison", "inactif"}});
            case "diplome" -> diploma(words);
            case "souhait" -> choice(words, Map.of("1", "emploi", "2", "formation", "3", "indecis"),
                    new String[][] {{"altern|apprenti", "alternance"}, {"emploi|travail|job|boulot|cdi|cdd|taf", "emploi"},
                            {"formation|etude|diplome|apprendre", "formation"}, {"sais pas|sait pas|aucune idee|indecis|hesite|perdu", "indecis"}});
            case "disponibilite" -> words.length() < 2 ? null : text.strip().replaceAll("\\s+", " ").substring(0, Math.min(200, text.strip().replaceAll("\\s+", " ").length()));
            default -> null;
        });
    }

    private static String agreement(String words) {
        if (words.matches("(1|oui|ok|okay|d accord|dac|vas y|go|yes|ouais|allons y|on y va)\\b.*")) {
            return "oui";
        }
        if (words.matches("(2|non|plus tard|pas maintenant|no|nan)\\b.*")) {
            return "non";
        }
        return null;
    }

    private static String age(String words, Year thisYear) {
        Matcher number = NUMBER.matcher(words);
        while (number.find()) {
            int value = Integer.parseInt(number.group(1));
            if (value >= 13 && value <= 35) {
                return Integer.toString(value);
            }
            // A year of birth: "né en 2008", "2008".
            if (value >= thisYear.getValue() - 35 && value <= thisYear.getValue() - 13) {
                return Integer.toString(thisYear.getValue() - value);
            }
        }
        return null;
    }

    private static String departement(String words) {
        Matcher code = Pattern.compile("\\b(97[1-6]|2a|2b|\\d{5}|\\d{1,2})\\b").matcher(words);
        if (code.find()) {
            String found = code.group(1).toUpperCase(Locale.ROOT);
            if (found.length() == 5) {
                found = found.startsWith("97") ? found.substring(0, 3) : found.substring(0, 2);
            } else if (found.length() == 1) {
                found = "0" + found;
            }
            if (found.equals("20")) {
                return null;
            }
            return Departements.isValid(found) ? found : null;
        }
        String spaced = " " + words.replace('-', ' ') + " ";
        for (String candidate : Departements.codes()) {
            String name = fold(Departements.nameOf(candidate)).replace('-', ' ').replaceFirst("^(la|le|les|l) ", "");
            if (name.length() > 2 && Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(spaced).find()) {
                return candidate;
            }
        }
        return null;
    }

    private static final java.util.List<String> DIPLOMAS = java.util.List.of("aucun", "capBep", "bac", "bac2", "licence", "masterPlus");

    private static String diploma(String words) {
        if (words.matches("[1-6]")) {
            // A number typed for the list, in its order.
            return DIPLOMAS.get(Integer.parseInt(words) - 1);
        }
        if (words.matches(".*\\b(master|bac ?\\+ ?5|ingenieur|doctorat)\\b.*")) {
            return "masterPlus";
        }
        if (words.matches(".*\\b(licence|bachelor|bac ?\\+ ?3|but)\\b.*")) {
            return "licence";
        }
        if (words.matches(".*\\b(bts|dut|deust|bac ?\\+ ?2)\\b.*")) {
            return "bac2";
        }
        if (words.matches(".*\\b(bac|baccalaureat)\\b.*")) {
            return "bac";
        }
        if (words.matches(".*\\b(cap|bep|bp)\\b.*")) {
            return "capBep";
        }
        if (words.matches(".*\\b(aucun|rien|pas de diplome|brevet|non)\\b.*")) {
            return "aucun";
        }
        return null;
    }

    private static String choice(String words, Map<String, String> numbers, String[][] patterns) {
        String first = words.split("\\s")[0].replaceAll("\\W", "");
        if (numbers.containsKey(first) && words.length() <= 3) {
            return numbers.get(first);
        }
        for (String[] pattern : patterns) {
            if (Pattern.compile("\\b(" + pattern[0] + ")").matcher(words).find()) {
                return pattern[1];
            }
        }
        return null;
    }
}
