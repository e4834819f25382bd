package org.passerelle.selftest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a self-test and says the results in plain words: strongest interests, strengths, constraints. */
final class SelfTestScores {

    /** The four answers, from "Pas du tout" (0) to "Tout à fait" (3). */
    static final Map<String, String> SCALE = scale();

    static final Map<String, String> INTERESTS = Map.of(
            "R", "Concret : fabriquer, réparer, bouger (bâtiment, industrie, logistique, nature)",
            "I", "Curieux : comprendre, chercher, analyser (numérique, sciences, santé)",
            "A", "Créatif : imaginer, créer, t'exprimer (arts, communication, mode)",
            "S", "Social : aider, conseiller, t'occuper des autres (santé, social, animation)",
            "E", "Entreprenant : convaincre, organiser, diriger (commerce, vente, gestion)",
            "C", "Organisé : classer, vérifier, suivre des règles (administration, comptabilité, logistique)");
    static final Map<String, String> STRENGTHS = Map.of("ponctualite", "ponctualité", "equipe", "travail en équipe",
            "autonomie", "autonomie", "communication", "communication");
    static final Map<String, String> CONSTRAINTS = Map.of("mobilite", "déplacements difficiles", "horaires", "horaires limités",
            "famille", "un enfant ou un proche à charge");

    record Result(List<String> topInterests, String inWords) {
    }

    private SelfTestScores() {
    }

    private static Map<String, String> scale() {
        Map<String, String> scale = new LinkedHashMap<>();
        scale.put("0", "Pas du tout");
        scale.put("1", "Un peu");
        scale.put("2", "Plutôt oui");
        scale.put("3", "Tout à fait");
        return java.util.Collections.unmodifiableMap(scale);
    }

    static Result of(List<SelfTestQuestions.Question> questions, Map<String, Integer> answers) {
        Map<String, Integer> interests = new LinkedHashMap<>();
        Map<String, Integer> strengths = new LinkedHashMap<>();
        List<String> constraints = new ArrayList<>();
        for (SelfTestQuestions.Question q : questions) {
            int answer = answers.getOrDefault(q.code(), 0);
            switch (q.part()) {
                case "interets" -> interests.merge(q.dimension(), answer, Integer::sum);
                case "savoirEtre" -> strengths.merge(q.dimension(), answer, Integer::sum);
                default -> {
                    if (answer >= 2 && !constraints.contains(q.dimension())) {
                        constraints.add(q.dimension());
                    }
                }
            }
        }
        List<String> top = interests.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(2).map(Map.Entry::getKey).toList();
        List<String> strong = strengths.entrySet().stream().filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).map(e -> STRENGTHS.get(e.getKey())).toList();
        StringBuilder words = new StringBuilder();
        words.append(top.isEmpty() ? "Tes centres d'intérêt ne ressortent pas encore : ton médiateur t'aidera à les explorer."
                : "Ce qui t'attire le plus : " + String.join(" ; ", top.stream().map(INTERESTS::get).toList()) + ".");
        words.append(strong.isEmpty() ? "" : "\nTes points forts : " + String.join(", ", strong) + ".");
        words.append(constraints.isEmpty() ? "" : "\nÀ prendre en compte : "
                + String.join(", ", constraints.stream().map(CONSTRAINTS::get).toList()) + ".");
        return new Result(top, words.toString());
    }
}
