package org.passerelle.mentoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.passerelle.diagnostic.Departements;

/**
 * Reads what a person typed about a mentor (sign-up page, a lead's edit, a line of a company's list): a profile, or
 * every problem in French at once so the form comes back with the typed values and all its errors.
 */
public final class MentorProfileInput {

    static final int MAX_CAPACITY = 10;
    /** Plain addresses only: no quoting, comments, lists or routes a mail library would read as something else. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+$");

    /** The typed values, as they came. */
    public record Typed(String firstName, String lastName, String company, String jobTitle, String sector, String email,
            String territories, boolean remote, List<String> helps, List<String> goals, String languages, String capacity,
            String availability) {
    }

    public static final class Refused extends Exception {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join(" ; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private MentorProfileInput() {
    }

    public static Mentor.Profile read(Typed typed) throws Refused {
        List<String> problems = new ArrayList<>();
        String firstName = required(typed.firstName(), 80, "le prénom", problems);
        String lastName = required(typed.lastName(), 80, "le nom", problems);
        String company = required(typed.company(), 120, "l'entreprise", problems);
        String jobTitle = optional(typed.jobTitle(), 120, "le métier", problems);
        String sector = typed.sector() == null ? "" : typed.sector().trim();
        if (!MentorVocabulary.SECTORS.containsKey(sector)) {
            problems.add("Choisissez le secteur dans la liste.");
        }
        String email = typed.email() == null ? "" : typed.email().trim().toLowerCase(Locale.ROOT);
        if (email.length() > 200 || !EMAIL.matcher(email).matches()) {
            problems.add("L'adresse e-mail n'est pas valide (exemple : prenom.nom@entreprise.fr).");
        }
        List<String> territories = territories(typed.territories(), problems);
        if (territories.isEmpty() && !typed.remote() && problems.stream().noneMatch(p -> p.startsWith("Département"))) {
            problems.add("Indiquez au moins un département où rencontrer les jeunes, ou cochez « à distance ».");
        }
        List<String> helps = known(typed.helps(), MentorVocabulary.HELPS, "Choisissez au moins une aide que vous pouvez apporter.", problems);
        List<String> goals = known(typed.goals(), MentorVocabulary.GOALS, "Choisissez au moins un type de projet (stage, alternance, emploi).", problems);
        String languages = optional(typed.languages(), 200, "les langues", problems);
        int capacity = capacity(typed.capacity(), problems);
        String availability = optional(typed.availability(), 300, "les disponibilités", problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Mentor.Profile(firstName, lastName, company, jobTitle, sector, email, territories, typed.remote(), helps,
                goals, languages, capacity, availability);
    }

    private static String required(String value, int max, String what, List<String> problems) {
        String clean = clean(value);
        if (clean.isEmpty()) {
            problems.add("Indiquez " + what + ".");
        } else if (clean.length() > max) {
            problems.add("Raccourcissez " + what + " (" + max + " caractères au plus).");
        }
        return clean;
    }

    private static String optional(String value, int max, String what, List<String> problems) {
        String clean = clean(value);
        if (clean.length() > max) {
            problems.add("Raccourcissez " + what + " (" + max + " caractères au plus).");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** Control characters out (a CSV line or a paste may carry them), spaces collapsed. */
    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
    }

    /** "75, 92 971" or "2A": each a known département code. */
    private static List<String> territories(String typed, List<String> problems) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String code : typed.toUpperCase(Locale.ROOT).split("[,;\\s]+")) {
            if (code.isEmpty()) {
                continue;
            }
            String normalised = code.length() == 1 ? "0" + code : code;
            if (!Departements.isValid(normalised)) {
                problems.add("Département inconnu : « " + (code.length() > 10 ? code.substring(0, 10) + "…" : code)
                        + " » (numéros de département séparés par des virgules, par exemple 75, 93, 971).");
                return List.of();
            }
            if (!codes.contains(normalised)) {
                codes.add(normalised);
            }
        }
        return codes;
    }

    private static List<String> known(List<String> typed, Map<String, String> vocabulary, String missing, List<String> problems) {
        List<String> values = typed == null ? List.of() : typed.stream().map(String::trim).distinct().toList();
        List<String> unknown = values.stream().filter(v -> !vocabulary.containsKey(v)).toList();
        if (!unknown.isEmpty()) {
            problems.add("Valeur inconnue : « " + String.join(", ", unknown).replaceAll("(.{40}).+", "$1…")
                    + " » (possibles : " + String.join(", ", vocabulary.keySet()) + ").");
        } else if (values.isEmpty()) {
            problems.add(missing);
        }
        return values;
    }

    private static int capacity(String typed, List<String> problems) {
        try {
            int capacity = Integer.parseInt(typed == null ? "" : typed.trim());
            if (capacity >= 1 && capacity <= MAX_CAPACITY) {
                return capacity;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        problems.add("Indiquez combien de jeunes vous pouvez suivre en même temps (de 1 à " + MAX_CAPACITY + ").");
        return 1;
    }

    /** "cv, entretien" from a list's cell. */
    public static List<String> codes(String joined) {
        return joined == null ? List.of() : Arrays.stream(joined.split("[,;|]")).map(String::trim)
                .map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
