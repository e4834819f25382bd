package org.passerelle.followup;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Sets the date the follow-up timer waits for. */
@Component("scheduleNextNudge")
public class ScheduleNextNudge implements JavaDelegate {

    private final FollowUp followUp;

    public ScheduleNextNudge(FollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        execution.setVariable(Vars.NEXT_NUDGE_AT, Date.from(followUp.nextNudgeAt(journeyId)));
    }
}
