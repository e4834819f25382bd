package org.passerelle.actions;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.journey.Choice;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** "Choisir les actions" offers the action types of the latest "Types d'action" table (the form's dynamic options). */
@Component("loadActionTypeOptions")
public class LoadActionTypeOptions implements TaskListener {

    private final ActionTypes types;

    public LoadActionTypeOptions(ActionTypes types) {
        this.types = types;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(Vars.ACTION_TYPE_OPTIONS, Choice.asFormValues(types.all().stream()
                .map(type -> new Choice(type.label(), type.code())).toList()));
    }
}
