package org.passerelle.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.qualification.YouthQualification.Replies;
import org.passerelle.qualification.YouthQualification.Vars;
import org.springframework.stereotype.Component;

/** The mediator takes over: the youth asked for a person, declined the questions, or stopped answering. */
@Component("handOverQualification")
public class HandOverQualification implements JavaDelegate {

    private final Qualification qualification;

    public HandOverQualification(Qualification qualification) {
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reply = execution.getVariable(Vars.REPLY);
        String why = Replies.HUMAN.equals(reply) ? "le jeune a demandé à parler à quelqu'un"
                : Replies.DECLINED.equals(reply) ? "le jeune préfère ne pas répondre aux questions"
                : Replies.STOPPED.equals(reply) ? "la conversation est arrêtée ou close" : "le jeune ne répond plus";
        qualification.handOver((Long) execution.getVariable(Vars.JOURNEY_ID), why);
    }
}
