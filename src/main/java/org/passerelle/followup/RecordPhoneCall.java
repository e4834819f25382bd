package org.passerelle.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Records whether the mediator's call reached the youth; reaching them restarts the cadence. */
@Component("recordPhoneCall")
public class RecordPhoneCall implements JavaDelegate {

    private final FollowUp followUp;

    public RecordPhoneCall(FollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUp.recordPhoneCall((Long) execution.getVariable(Vars.JOURNEY_ID),
                // A radio answer may arrive as a boolean or as its text, depending on the form renderer.
                Boolean.parseBoolean(String.valueOf(execution.getVariable(Vars.YOUTH_REACHED))));
        execution.removeVariable(Vars.YOUTH_REACHED);
    }
}
