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

    /** The diagnostic form's answers, as the task or the execution holds them. */
    static Diagnostic diagnosticOf(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return new Diagnostic(
                FormValues.asDate(scope.getVariable(Vars.BIRTH_DATE)),
                text(scope.getVariable(Vars.DEPARTEMENT)),
                text(scope.getVariable(Vars.COMMUNE_CODE)),
                text(scope.getVariable(Vars.DIPLOMA_LEVEL)),
                text(scope.getVariable(Vars.SITUATION)),
                FormValues.asList(scope.getVariable(Vars.BARRIERS)),
                FormValues.asList(scope.getVariable(Vars.STATUSES)),
                isTrue(scope.getVariable(Vars.HAS_PROJECT)),
                text(scope.getVariable(Vars.PROJECT)),
                text(scope.getVariable(Vars.PROJECT_SECTOR)),
                text(scope.getVariable(Vars.AVAILABILITY)),
                isTrue(scope.getVariable(Vars.CONSENT_CONTACT)),
                isTrue(scope.getVariable(Vars.CONSENT_REFERRAL)),
                isTrue(scope.getVariable(Vars.GUARDIAN_CONSENT)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Diagnostic diagnostic = diagnosticOf(execution);
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        DiagnosticService.Facts facts = diagnostics.record(journeyId, diagnostic);
        execution.setVariable(Vars.AGE, facts.age());
        execution.setVariable(Vars.BARRIER_COUNT, facts.barrierCount());
        execution.setVariable(Vars.URGENT_BARRIER, facts.urgentBarrier());
        execution.setVariable(Vars.PROJECT_PRECISE, facts.projectPrecise());
        execution.setVariable(Vars.YOUTH_INTERESTS, facts.interests());
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
