package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.mentoring.MentorMatching.Values;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.springframework.stereotype.Component;

/** Records the mentor's answer; an acceptance makes the match. */
@Component("recordMentorAnswer")
public class RecordMentorAnswer implements JavaDelegate {

    private final MentorPool pool;

    public RecordMentorAnswer(MentorPool pool) {
        this.pool = pool;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean accepted = Values.ACCEPTED.equals(execution.getVariable(Vars.MENTOR_ANSWER));
        pool.answer((Long) execution.getVariable(Vars.MENTOR_MATCH_ID), accepted,
                (String) execution.getVariable(Vars.MENTOR_COMMENT));
        if (accepted) {
            execution.setVariable(Vars.OUTCOME, Values.MATCHED);
        }
    }
}
