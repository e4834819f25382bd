package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.springframework.stereotype.Component;

/** Records the mentor the mediator proposed to the youth. */
@Component("recordMentorProposal")
public class RecordMentorProposal implements JavaDelegate {

    private final MentorPool pool;

    public RecordMentorProposal(MentorPool pool) {
        this.pool = pool;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        Long mentorId = Long.valueOf(execution.getVariable(Vars.MENTOR_ID).toString());
        execution.setVariable(Vars.MENTOR_MATCH_ID, pool.propose(journeyId, mentorId));
        execution.setVariable(Vars.MENTOR_ANSWER, null);
        execution.setVariable(Vars.MENTOR_COMMENT, null);
    }
}
