package org.passerelle.actions;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Gives one instance of "Mener chaque action" its action: label, due date, empty outcome. */
@Component("prepareAction")
public class PrepareAction implements JavaDelegate {

    private final ActionPlan plan;
    private final org.springframework.context.ApplicationEventPublisher events;

    public PrepareAction(ActionPlan plan, org.springframework.context.ApplicationEventPublisher events) {
        this.plan = plan;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        int index = (Integer) execution.getVariable("loopCounter");
        JourneyAction action = plan.actionAt(journeyId, index);
        // Local to this instance: parallel actions must not overwrite each other's answers.
        execution.setVariableLocal(Vars.ACTION_ID, action.getId());
        execution.setVariableLocal(Vars.ACTION_LABEL, action.getLabel());
        execution.setVariableLocal(Vars.ACTION_DUE_DATE, Date.from(action.getDueDate()));
        execution.setVariableLocal(Vars.ACTION_OUTCOME, null);
        execution.setVariableLocal(Vars.ACTION_NOTE, null);
        // Some actions start with something sent to the youth (the skills self-test's link).
        events.publishEvent(new ActionPrepared(journeyId, action.getId(), action.getType()));
    }
}
