package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.qualification.YouthQualification.Vars;
import org.springframework.stereotype.Component;

/** Reads the youth's reply to the question asked: understood, not understood, a person wanted, or no thanks. */
@Component("readQualificationReply")
public class ReadQualificationReply implements JavaDelegate {

    private final Qualification qualification;

    public ReadQualificationReply(Qualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.REPLY, qualification.read((Long) execution.getVariable(Vars.JOURNEY_ID),
                (String) execution.getVariable(Vars.QUESTION)));
    }
}
