package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Activates (and welcomes) or declines the mentor as the programme lead decided. */
@Component("recordMentorValidation")
public class RecordMentorValidation implements JavaDelegate {

    private final MentorSignUps signUps;

    public RecordMentorValidation(MentorSignUps signUps) {
        this.signUps = signUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long mentorId = ((Number) execution.getVariable(MentorValidation.Vars.MENTOR_ID)).longValue();
        signUps.validate(mentorId, MentorValidation.Vars.ACCEPT.equals(execution.getVariable(MentorValidation.Vars.DECISION)));
    }
}
