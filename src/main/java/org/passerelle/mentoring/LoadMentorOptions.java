package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.Choice;
import org.passerelle.journey.YouthJourney;
import org.passerelle.mentoring.MentorMatching.Values;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.springframework.stereotype.Component;

/** Lists the mentors the mediator can propose; until one accepts, the outcome is "no mentor". */
@Component("loadMentorOptions")
public class LoadMentorOptions implements JavaDelegate {

    private final MentorPool pool;

    public LoadMentorOptions(MentorPool pool) {
        this.pool = pool;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        execution.setVariable(Vars.MENTOR_OPTIONS, Choice.asFormValues(pool.options(journeyId)));
        execution.setVariable(Vars.OUTCOME, Values.NO_MENTOR);
        execution.removeVariable(Vars.MENTOR_ID);
    }
}
