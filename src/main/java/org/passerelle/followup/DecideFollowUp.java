package org.passerelle.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** When the timer fires: nudge, call, close, or wait again because the youth wrote meanwhile. */
@Component("decideFollowUp")
public class DecideFollowUp implements JavaDelegate {

    private final FollowUp followUp;

    public DecideFollowUp(FollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.FOLLOW_UP_STEP, followUp.decide((Long) execution.getVariable(Vars.JOURNEY_ID)));
    }
}
