package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Thanks the youth and leaves the answers to the mediator (summary on the first-answer task, diagnostic pre-filled). */
@Component("finishQualification")
public class FinishQualification implements JavaDelegate {

    private final Qualification qualification;

    public FinishQualification(Qualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        qualification.finish((Long) execution.getVariable(YouthQualification.Vars.JOURNEY_ID));
    }
}
