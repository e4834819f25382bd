package org.passerelle.diagnostic;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/**
 * "Faire le diagnostic" opens with what the youth already gave (a lead form's date of birth and post code, a web
 * form's commune, the answers to the guided first questions): the mediator confirms or corrects instead of asking
 * again. Only what is known is filled.
 */
@Component("prefillDiagnostic")
public class PrefillDiagnostic implements TaskListener {

    private final JourneyRepository journeys;

    public PrefillDiagnostic(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    @Override
    public void notify(DelegateTask task) {
        Object journeyId = task.getVariable(Vars.JOURNEY_ID);
        if (!(journeyId instanceof Long id)) {
            return;
        }
        journeys.findById(id).map(journey -> journey.getYouth()).ifPresent(youth -> {
            // On the journey, not the task: the submitted form and the recording step read the same variables.
            var execution = task.getExecution();
            if (youth.getBirthDate() != null && execution.getVariable(Vars.BIRTH_DATE) == null) {
                execution.setVariable(Vars.BIRTH_DATE, youth.getBirthDate().toString());
            }
            if (youth.getDepartement() != null && execution.getVariable(Vars.DEPARTEMENT) == null) {
                execution.setVariable(Vars.DEPARTEMENT, youth.getDepartement());
            }
            if (youth.getCommuneCode() != null && execution.getVariable(Vars.COMMUNE_CODE) == null) {
                execution.setVariable(Vars.COMMUNE_CODE, youth.getCommuneCode());
            }
            // What the youth answered to the guided first questions.
            if (youth.getSituation() != null && execution.getVariable(Vars.SITUATION) == null) {
                execution.setVariable(Vars.SITUATION, youth.getSituation());
            }
            if (youth.getDiplomaLevel() != null && execution.getVariable(Vars.DIPLOMA_LEVEL) == null) {
                execution.setVariable(Vars.DIPLOMA_LEVEL, youth.getDiplomaLevel());
            }
            if (youth.getAvailability() != null && execution.getVariable(Vars.AVAILABILITY) == null) {
                execution.setVariable(Vars.AVAILABILITY, youth.getAvailability());
            }
        });
    }
}
