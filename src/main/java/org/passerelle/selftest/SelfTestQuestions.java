package org.passerelle.selftest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** "Questions du test de compétences" as deployed now: statements, in order, each with its part and dimension. */
@Component
public class SelfTestQuestions {

    public static final String DECISION = "selfTestQuestions";
    static final Map<String, Set<String>> DIMENSIONS = Map.of("interets", Set.of("R", "I", "A", "S", "E", "C"),
            "savoirEtre", Set.of("ponctualite", "equipe", "autonomie", "communication"),
            "contraintes", Set.of("mobilite", "horaires", "famille"));

    public record Question(String code, String part, String dimension, String statement) {

        static Question of(Map<String, Object> row) {
            return new Question(String.valueOf(row.get("code")), String.valueOf(row.get("partie")), String.valueOf(row.get("dimension")),
                    row.get("affirmation") == null ? "" : row.get("affirmation").toString());
        }
    }

    private final DecisionService decisions;

    public SelfTestQuestions(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<Question> all() {
        return decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("langue", "fr")).getResultList()
                .stream().map(Question::of).toList();
    }
}
