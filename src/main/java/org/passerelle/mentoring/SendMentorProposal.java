package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.springframework.stereotype.Component;

/** Emails the chosen mentor the proposal and its answer link. */
@Component("sendMentorProposal")
public class SendMentorProposal implements JavaDelegate {

    private final MentorProposals proposals;

    public SendMentorProposal(MentorProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        Long mentorId = Long.valueOf(execution.getVariable(Vars.MENTOR_ID).toString());
        MentorMatch match = proposals.propose(journeyId, mentorId, Boolean.TRUE.equals(execution.getVariable(Vars.YOUTH_CONSENT)));
        execution.setVariable(Vars.MENTOR_MATCH_ID, match.getId());
        execution.setVariable(Vars.MENTOR_NAME, proposals.mentorOf(match).fullName());
        execution.setVariable(Vars.MENTOR_ANSWER, null);
    }
}
