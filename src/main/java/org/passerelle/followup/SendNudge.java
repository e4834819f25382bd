package org.passerelle.followup;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Sends the next nudge text to the youth through the outbox; tells the model whether it could. */
@Component("sendNudge")
public class SendNudge implements JavaDelegate {

    private final FollowUp followUp;

    public SendNudge(FollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean delivered = followUp.sendNudge((Long) execution.getVariable(Vars.JOURNEY_ID));
        execution.setVariable(Vars.NUDGE_DELIVERED, delivered);
    }
}
