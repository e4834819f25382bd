package org.passerelle.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Records how an action went, as the mediator reported it. */
@Component("recordActionOutcome")
public class RecordActionOutcome implements JavaDelegate {

    private final ActionPlan plan;

    public RecordActionOutcome(ActionPlan plan) {
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        plan.record((Long) execution.getVariable(Vars.ACTION_ID), (String) execution.getVariable(Vars.ACTION_OUTCOME),
                (String) execution.getVariable(Vars.ACTION_NOTE));
    }
}
