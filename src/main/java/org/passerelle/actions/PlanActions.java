package org.passerelle.actions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.FormValues;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Turns the mediator's chosen actions into planned actions, one task each. */
@Component("planActions")
public class PlanActions implements JavaDelegate {

    private final ActionPlan plan;

    public PlanActions(ActionPlan plan) {
        this.plan = plan;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        var planned = plan.plan(journeyId, FormValues.asList(execution.getVariable(Vars.PLANNED_ACTIONS)));
        execution.setVariable(Vars.ACTION_COUNT, planned.size());
    }
}
