package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.qualification.YouthQualification.Replies;
import org.passerelle.qualification.YouthQualification.Vars;
import org.springframework.stereotype.Component;

/**
 * Asks the next question, or the same once more when the reply was not understood (then moves on), or the same
 * again after a frequent question the automatic reply answered.
 */
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
        Object reply = execution.getVariable(Vars.REPLY);
        boolean notUnderstood = Replies.NOT_UNDERSTOOD.equals(reply) && attempts == 0;
        boolean afterFrequentQuestion = Replies.FREQUENT_QUESTION.equals(reply);
        var asked = qualification.ask((Long) execution.getVariable(Vars.JOURNEY_ID), last,
                notUnderstood || afterFrequentQuestion, notUnderstood);
        execution.setVariable(Vars.ATTEMPTS, notUnderstood ? 1 : afterFrequentQuestion ? attempts : 0);
        execution.setVariable(Vars.DONE, asked.isEmpty());
        asked.ifPresent(key -> execution.setVariable(Vars.QUESTION, key));
        execution.setVariable(Vars.REPLY, null);
    }
}
