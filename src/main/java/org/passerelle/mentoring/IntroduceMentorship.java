package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Starts the mentorship: the youth gets a message, the mentor an email (the youth's contact only with consent). */
@Component("introduceMentorship")
public class IntroduceMentorship implements JavaDelegate {

    private final Mentorships mentorships;

    public IntroduceMentorship(Mentorships mentorships) {
        this.mentorships = mentorships;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long matchId = (Long) execution.getVariable(MentorMatching.Vars.MENTOR_MATCH_ID);
        execution.setVariable(MentorshipProcess.Vars.MENTORSHIP_ID, mentorships.start(matchId).getId());
    }
}
