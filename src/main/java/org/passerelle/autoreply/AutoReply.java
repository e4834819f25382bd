package org.passerelle.autoreply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** The automatic answer step of "Réponse automatique" (youth-journey.bpmn). */
@Component("autoReply")
public class AutoReply implements JavaDelegate {

    private final AutoReplies replies;

    public AutoReply(AutoReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object first = execution.getVariable(Vars.AUTO_REPLY_FIRST);
        replies.reply((Long) execution.getVariable(Vars.JOURNEY_ID), (String) execution.getVariable(Vars.AUTO_REPLY_MESSAGE),
                Boolean.TRUE.equals(first));
        execution.removeVariableLocal(Vars.AUTO_REPLY_MESSAGE);
    }
}
