package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records how the mentorship ended and frees the mentor's place. */
@Component("closeMentorship")
public class CloseMentorship implements JavaDelegate {

    private final Mentorships mentorships;

    public CloseMentorship(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long mentorshipId = (Long) execution.getVariable(MentorshipProcess.Vars.MENTORSHIP_ID);
        Object outcome = execution.getVariable(MentorshipProcess.Vars.OUTCOME);
        Object endedBy = execution.getVariable(MentorshipProcess.Vars.ENDED_BY);
        String known = outcome != null && MentorVocabulary.OUTCOMES.containsKey(outcome.toString()) ? outcome.toString() : "abandon";
        Mentorship.EndedBy by;
        try {
            by = endedBy == null ? Mentorship.EndedBy.PASSERELLE : Mentorship.EndedBy.valueOf(endedBy.toString());
        } catch (IllegalArgumentException unknown) {
            by = Mentorship.EndedBy.PASSERELLE;
        }
        mentorships.close(mentorshipId, known, by);
        execution.setVariable(MentorshipProcess.Vars.OUTCOME, known);
    }
}
