package org.passerelle.referral;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.passerelle.web.MediatorInputException;
import org.springframework.stereotype.Component;

/**
 * Checks the answer a mediator records for a partner without email, as the partner's own page would: an
 * acceptance has a readable date within six months, a time and a place; a refusal has a known reason. What does
 * not pass keeps the task open with the reason in French; the time is stored as "14:30" whatever was typed.
 */
@Component("checkDirectReferral")
public class CheckDirectReferral implements TaskListener {

    private final Clock clock;

    public CheckDirectReferral(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object answer = task.getVariable(Vars.PARTNER_ANSWER);
        if (Values.ACCEPTED.equals(answer)) {
            try {
                Appointment appointment = AppointmentInput.read(task.getVariable(Vars.APPOINTMENT_DATE),
                        text(task, Vars.APPOINTMENT_TIME), text(task, Vars.APPOINTMENT_PLACE),
                        text(task, Vars.APPOINTMENT_CONTACT), LocalDate.now(clock));
                task.setVariable(Vars.APPOINTMENT_DATE, appointment.date().toString());
                task.setVariable(Vars.APPOINTMENT_TIME, appointment.time().toString());
                task.setVariable(Vars.REFUSAL_REASON, null);
            } catch (AppointmentInput.Refused refused) {
                throw new MediatorInputException("Rendez-vous à corriger : " + refused.getMessage());
            }
        } else if (Values.REFUSED.equals(answer)) {
            if (!PartnerAnswers.REFUSAL_REASONS.contains(text(task, Vars.REFUSAL_REASON))) {
                throw new MediatorInputException("Réponse à compléter : choisissez le motif du refus.");
            }
        } else {
            throw new MediatorInputException("Réponse à compléter : indiquez si la structure accueille le jeune.");
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
