package org.passerelle.autoreply;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** The answer of the latest deployed "Questions fréquentes" decision to a youth's message, if a row matches. */
@Service
public class FrequentQuestions {

    public static final String DECISION = "frequentQuestions";

    private final DecisionService decisions;

    public FrequentQuestions(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Lower case, no accents, single spaces: "Est-ce GRATUIT ?" and "c'est gratuit" read alike. */
    static String normalised(String message) {
        String plain = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.FRENCH).replaceAll("[’`]", "'").replaceAll("\\s+", " ").strip();
    }

    public Optional<String> answerTo(String message) {
        String question = normalised(message);
        var context = Context.getCommandContext();
        Object answer = context == null ? evaluate(question) : context.runWithoutAuthorization(() -> evaluate(question));
        return answer instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private Object evaluate(String question) {
        var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("question", question));
        return result.isEmpty() ? null : result.getFirstResult().getEntry("reponse");
    }
}
