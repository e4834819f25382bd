package org.passerelle.qualification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * A "Questions au jeune" table is refused at deploy time when a youth could not get it: an unknown key, a key twice,
 * an empty question, one too long for WhatsApp, more than ten answers to tap or one over 20 characters.
 */
@Component
class QualificationQuestionsCheck implements DecisionCheck {

    static final int MAX_QUESTION = 1000;

    @Override
    public String decisionKey() {
        return QualificationQuestions.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        for (String channel : List.of("whatsapp", "messenger", "web")) {
            Set<String> seen = new HashSet<>();
            var rows = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("canal", channel)).getResultList();
            for (var row : rows) {
                var question = QualificationQuestions.Question.of(row);
                if (!QualificationAnswers.KEYS.contains(question.key())) {
                    problems.add("clé inconnue « " + question.key() + " » (connues : " + String.join(", ", QualificationAnswers.KEYS.stream().sorted().toList()) + ")");
                } else if (!seen.add(question.key())) {
                    problems.add("la question « " + question.key() + " » figure deux fois");
                }
                if (question.text().isBlank() || question.text().length() > MAX_QUESTION) {
                    problems.add("« " + question.key() + " » : une question de 1 à " + MAX_QUESTION + " caractères est attendue");
                }
                if (question.buttons().size() > 10 || question.buttons().stream().anyMatch(b -> b.length() > 20 || b.contains("|"))) {
                    problems.add("« " + question.key() + " » : au plus dix réponses à toucher, de 20 caractères chacune");
                }
            }
            if (!rows.isEmpty() && !"accord".equals(QualificationQuestions.Question.of(rows.get(0)).key())) {
                problems.add("la première question doit demander l'accord du jeune (clé « accord »)");
            }
        }
        return problems.stream().distinct().toList();
    }
}
