package org.passerelle.followup;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * A "Cadence des relances" table is refused at deploy time unless it gives a whole number of days (one or more)
 * for every count of unanswered nudges a journey can reach before it closes.
 */
@Component
class FollowUpCadenceCheck implements DecisionCheck {

    /** Far more nudges than any journey sends before its silence closes it. */
    static final int COUNTS_CHECKED = 25;

    @Override
    public String decisionKey() {
        return FollowUpCadence.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<Integer> missing = new ArrayList<>();
        for (int unanswered = 0; unanswered < COUNTS_CHECKED; unanswered++) {
            var result = engine.evaluateDecisionTable(decision,
                    Variables.createVariables().putValue(FollowUpCadence.UNANSWERED_NUDGES, unanswered));
            Object days = result.isEmpty() ? null : result.getFirstResult().getEntry(FollowUpCadence.DAYS_AFTER_LAST_CONTACT);
            if (!(days instanceof Number number) || number.longValue() < 1) {
                missing.add(unanswered);
            }
        }
        return missing.isEmpty() ? List.of() : List.of("aucun délai d'au moins un jour pour " + missing.get(0)
                + " relance(s) sans réponse" + (missing.size() > 1 ? " (ni pour " + (missing.size() - 1) + " autre(s) nombre(s))" : ""));
    }
}
