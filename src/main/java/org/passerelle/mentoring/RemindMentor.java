package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One reminder to a mentor who has not answered the proposal. */
@Component("remindMentor")
public class RemindMentor implements JavaDelegate {

    private final MentorProposals proposals;

    public RemindMentor(MentorProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.remind((Long) execution.getVariable(MentorMatching.Vars.MENTOR_MATCH_ID));
    }
}
