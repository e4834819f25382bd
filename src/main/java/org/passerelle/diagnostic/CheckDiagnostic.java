package org.passerelle.diagnostic;

import java.time.format.DateTimeParseException;
import org.passerelle.web.MediatorInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.journey.FormValues;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/**
 * Checks the diagnostic when the mediator completes it: what the form cannot check (a birth date in the
 * future, an age outside the programme, a code that does not exist) keeps the task open with the reason in
 * French, instead of failing later in an incident only a programme lead could repair.
 */
@Component("checkDiagnostic")
public class CheckDiagnostic implements TaskListener {

    private final DiagnosticService diagnostics;

    public CheckDiagnostic(DiagnosticService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            diagnostics.validate(RecordDiagnostic.diagnosticOf(task));
        } catch (DateTimeParseException unreadable) {
            throw new MediatorInputException("Diagnostic à corriger : date de naissance illisible (attendue : jour/mois/année).");
        } catch (DiagnosticService.InvalidDiagnosticException invalid) {
            throw new MediatorInputException(invalid.getMessage().replace("Diagnostic incomplet", "Diagnostic à corriger"));
        }
    }
}
