package org.passerelle.autoreply;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/** A "Questions fréquentes" table is refused at deploy time when it cannot answer or an answer is too long to send. */
@Component
class FrequentQuestionsCheck implements DecisionCheck {

    static final int MAX_ANSWER = 1000;

    @Override
    public String decisionKey() {
        return FrequentQuestions.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        for (String sample : List.of("bonjour", "", "c'est gratuit ?", "je veux arreter")) {
            var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("question", sample));
            for (var row : result.getResultList()) {
                Object answer = row.get("reponse");
                if (answer != null && (!(answer instanceof String text) || text.length() > MAX_ANSWER)) {
                    problems.add("une réponse doit être un texte de " + MAX_ANSWER + " caractères au plus");
                }
            }
        }
        return problems;
    }
}
