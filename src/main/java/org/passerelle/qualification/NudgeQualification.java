package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One reminder to a youth who has not answered the question yet. */
@Component("nudgeQualification")
public class NudgeQualification implements JavaDelegate {

    private final Qualification qualification;

    public NudgeQualification(Qualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        qualification.nudge((Long) execution.getVariable(YouthQualification.Vars.JOURNEY_ID));
    }
}
