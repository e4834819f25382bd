package org.passerelle.journey;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records how the journey ended (chosen by the mediator, or set by the model for silence and opt-out). */
@Component("closeJourney")
public class CloseJourney implements JavaDelegate {

    private final JourneyRepository journeys;
    private final Clock clock;

    public CloseJourney(JourneyRepository journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        String outcome = (String) execution.getVariable(Vars.OUTCOME);
        journeys.findById(journeyId).orElseThrow().close(outcome, clock.instant());
        // Keep the outcome on the process too, for Cockpit and history-based figures.
        execution.getProcessInstance().setVariable(Vars.OUTCOME, outcome);
    }
}
