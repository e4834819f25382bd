package org.passerelle.qualification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** "Questions au jeune" as deployed now: which questions, in which order, with which words and buttons. */
@Component
public class QualificationQuestions {

    public static final String DECISION = "qualificationQuestions";

    /** One question: its key, its words, the answers the youth can tap. */
    public record Question(String key, String text, List<String> buttons) {

        static Question of(Map<String, Object> row) {
            String buttons = row.get("boutons") == null ? "" : row.get("boutons").toString();
            return new Question(String.valueOf(row.get("cle")), row.get("question") == null ? "" : row.get("question").toString(),
                    buttons.isBlank() ? List.of() : Arrays.stream(buttons.split("\\|")).map(String::strip).filter(b -> !b.isEmpty()).toList());
        }
    }

    private final DecisionService decisions;

    public QualificationQuestions(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<Question> all(String channel) {
        var context = Context.getCommandContext();
        List<Map<String, Object>> rows = context == null ? evaluate(channel) : context.runWithoutAuthorization(() -> evaluate(channel));
        return rows.stream().map(Question::of).toList();
    }

    /** The question after this one (the first when none was asked). */
    public Optional<Question> after(String channel, String key) {
        List<Question> questions = all(channel);
        if (key == null) {
            return questions.stream().findFirst();
        }
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).key().equals(key)) {
                return i + 1 < questions.size() ? Optional.of(questions.get(i + 1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Optional<Question> named(String channel, String key) {
        return all(channel).stream().filter(q -> q.key().equals(key)).findFirst();
    }

    private List<Map<String, Object>> evaluate(String channel) {
        return decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("canal", channel)).getResultList();
    }
}
