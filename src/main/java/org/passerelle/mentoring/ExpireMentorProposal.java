package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Still no answer after the reminder: the proposal expires, the mediator proposes another mentor. */
@Component("expireMentorProposal")
public class ExpireMentorProposal implements JavaDelegate {

    private final MentorProposals proposals;

    public ExpireMentorProposal(MentorProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.expire((Long) execution.getVariable(MentorMatching.Vars.MENTOR_MATCH_ID));
    }
}
