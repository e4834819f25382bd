package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.qualification.YouthQualification.Replies;
import org.passerelle.qualification.YouthQualification.Vars;
import org.springframework.stereotype.Component;

/** Asks the next question, or the same once more when the reply was not understood (then moves on). */
@Component("askQualificationQuestion")
public class AskQualificationQuestion implements JavaDelegate {

    private final Qualification qualification;

    public AskQualificationQuestion(Qualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String last = (String) execution.getVariable(Vars.QUESTION);
        int attempts = execution.getVariable(Vars.ATTEMPTS) instanceof Number n ? n.intValue() : 0;
        boolean again = Replies.NOT_UNDERSTOOD.equals(execution.getVariable(Vars.REPLY)) && attempts == 0;
        var asked = qualification.ask((Long) execution.getVariable(Vars.JOURNEY_ID), last, again);
        execution.setVariable(Vars.ATTEMPTS, again ? 1 : 0);
        execution.setVariable(Vars.DONE, asked.isEmpty());
        asked.ifPresent(key -> execution.setVariable(Vars.QUESTION, key));
        execution.setVariable(Vars.REPLY, null);
    }
}
