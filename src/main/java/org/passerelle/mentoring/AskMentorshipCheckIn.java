package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the mentor (link) and the youth (reply 1, 2 or 3) how the mentorship goes. */
@Component("askMentorshipCheckIn")
public class AskMentorshipCheckIn implements JavaDelegate {

    private final Mentorships mentorships;

    public AskMentorshipCheckIn(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long mentorshipId = (Long) execution.getVariable(MentorshipProcess.Vars.MENTORSHIP_ID);
        execution.setVariable(MentorshipProcess.Vars.SILENT_CHECK_INS, mentorships.askCheckIn(mentorshipId));
    }
}
