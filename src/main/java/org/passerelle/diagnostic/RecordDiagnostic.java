package org.passerelle.diagnostic;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.FormValues;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/**
 * Moves the diagnostic form's answers into the youth's record and leaves on the process only the
 * routing facts the segmentation needs.
 */
@Component("recordDiagnostic")
public class RecordDiagnostic implements JavaDelegate {

    private final DiagnosticService diagnostics;

    public RecordDiagnostic(DiagnosticService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Diagnostic diagnostic = new Diagnostic(
                FormValues.asDate(execution.getVariable(Vars.BIRTH_DATE)),
                (String) execution.getVariable(Vars.DEPARTEMENT),
                (String) execution.getVariable(Vars.COMMUNE_CODE),
                (String) execution.getVariable(Vars.DIPLOMA_LEVEL),
                (String) execution.getVariable(Vars.SITUATION),
                FormValues.asList(execution.getVariable(Vars.BARRIERS)),
                FormValues.asList(execution.getVariable(Vars.STATUSES)),
                isTrue(execution.getVariable(Vars.HAS_PROJECT)),
                (String) execution.getVariable(Vars.PROJECT),
                (String) execution.getVariable(Vars.PROJECT_SECTOR),
                (String) execution.getVariable(Vars.AVAILABILITY),
                isTrue(execution.getVariable(Vars.CONSENT_CONTACT)),
                isTrue(execution.getVariable(Vars.CONSENT_REFERRAL)),
                isTrue(execution.getVariable(Vars.GUARDIAN_CONSENT)));
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        DiagnosticService.Facts facts = diagnostics.record(journeyId, diagnostic);
        execution.setVariable(Vars.AGE, facts.age());
        execution.setVariable(Vars.BARRIER_COUNT, facts.barrierCount());
        execution.setVariable(Vars.URGENT_BARRIER, facts.urgentBarrier());
        execution.setVariable(Vars.PROJECT_PRECISE, facts.projectPrecise());
        execution.setVariable(Vars.HAS_PROJECT, diagnostic.hasProject());
        execution.setVariable(Vars.CONSENT_REFERRAL, diagnostic.consentReferral());
        // Least data on the engine: the personal answers now live only in the youth's record.
        for (String personal : new String[] {Vars.BIRTH_DATE, Vars.COMMUNE_CODE, Vars.BARRIERS, Vars.STATUSES, Vars.PROJECT, Vars.AVAILABILITY}) {
            execution.removeVariable(personal);
        }
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

}
