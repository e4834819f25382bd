package org.passerelle.followup;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The cadence as the latest deployed "Cadence des relances" decision says it: a lead's new table applies to the
 * next nudge scheduled, without restart. A table that gives no number for a count is a modelling error, said in
 * French rather than guessed.
 */
@Component
public class DeployedFollowUpCadence implements FollowUpCadence {

    private final DecisionService decisions;

    public DeployedFollowUpCadence(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public long daysAfterLastContact(int unansweredNudges) {
        // Evaluated for the engine (a mediator completing a task needs no right on the decision itself).
        var context = Context.getCommandContext();
        Object days = context == null ? evaluate(unansweredNudges) : context.runWithoutAuthorization(() -> evaluate(unansweredNudges));
        if (!(days instanceof Number number) || number.longValue() < 0) {
            throw new IllegalStateException("La décision « Cadence des relances » ne donne pas de délai pour "
                    + unansweredNudges + " relance(s) sans réponse");
        }
        return number.longValue();
    }

    private Object evaluate(int unansweredNudges) {
        var result = decisions.evaluateDecisionTableByKey(DECISION,
                Variables.createVariables().putValue(UNANSWERED_NUDGES, unansweredNudges));
        return result.isEmpty() ? null : result.getFirstResult().getEntry(DAYS_AFTER_LAST_CONTACT);
    }
}
