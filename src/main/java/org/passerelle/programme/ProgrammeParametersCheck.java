package org.passerelle.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * A "Paramètres du programme" table is refused at deploy time when a journey could not use it: a parameter
 * missing, a value that is not a positive whole number, a delay not in hours or days, or an escalation that would
 * come after the 24-hour promise it is there to keep.
 */
@Component
class ProgrammeParametersCheck implements DecisionCheck {

    private static final List<String> DELAYS = ProgrammeParameters.DELAYS;

    @Override
    public String decisionKey() {
        return ProgrammeParameters.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        List<String> parameters = new ArrayList<>(DELAYS);
        parameters.addAll(ProgrammeParameters.COUNTS);
        for (String parameter : parameters) {
            var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("parametre", parameter));
            Map<String, Object> row = result.isEmpty() ? null : result.getFirstResult().getEntryMap();
            ProgrammeParameters.Value value = ProgrammeParameters.Value.of(row);
            if (value == null || value.amount() < 1) {
                problems.add("« " + parameter + " » : une valeur entière positive et son unité sont attendues");
            } else if (DELAYS.contains(parameter) && !List.of("heures", "jours").contains(value.unit())) {
                problems.add("« " + parameter + " » est un délai, en heures ou en jours (pas « " + value.unit() + " »)");
            } else if (!DELAYS.contains(parameter) && !"fois".equals(value.unit())) {
                problems.add("« " + parameter + " » est un nombre de fois (unité « fois »)");
            } else if (parameter.equals(ProgrammeParameters.FIRST_ANSWER_ESCALATION)
                    && !("heures".equals(value.unit()) && value.amount() < 24)) {
                problems.add("l'escalade d'un premier message doit venir avant les 24 heures promises (moins de 24 heures)");
            }
        }
        return problems;
    }
}
