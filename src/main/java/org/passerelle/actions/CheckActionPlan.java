package org.passerelle.actions;

import org.passerelle.web.MediatorInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.journey.FormValues;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** "Choisir les actions" completed with nothing ticked is a slip, unless the mediator says so explicitly. */
@Component("checkActionPlan")
public class CheckActionPlan implements TaskListener {

    private final ActionTypes types;

    public CheckActionPlan(ActionTypes types) {
        this.types = types;
    }

    @Override
    public void notify(DelegateTask task) {
        var chosen = FormValues.asList(task.getVariable(Vars.PLANNED_ACTIONS));
        var known = types.all().stream().map(ActionType::code).toList();
        chosen.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
            throw new MediatorInputException("Action inconnue : « " + code + " ». Rechargez la tâche pour voir les actions proposées.");
        });
        boolean none = chosen.isEmpty();
        Object explicit = task.getVariable(Vars.NO_ACTION);
        if (none && (explicit == null || !Boolean.parseBoolean(explicit.toString()))) {
            throw new MediatorInputException("Choisissez au moins une action, ou cochez « Aucune action pour l'instant ».");
        }
    }
}
