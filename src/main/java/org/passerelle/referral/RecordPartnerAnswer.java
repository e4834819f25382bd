package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.passerelle.journey.FormValues;
import org.springframework.stereotype.Component;

/** Records the partner's answer: an appointment when accepted, a reason when refused. */
@Component("recordPartnerAnswer")
public class RecordPartnerAnswer implements JavaDelegate {

    private static final java.time.format.DateTimeFormatter LABEL =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRENCH);

    private final Referrals referrals;

    public RecordPartnerAnswer(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        if (Values.ACCEPTED.equals(execution.getVariable(Vars.PARTNER_ANSWER))) {
            java.time.LocalDate appointment = FormValues.asDate(execution.getVariable(Vars.APPOINTMENT_DATE));
            Object time = execution.getVariable(Vars.APPOINTMENT_TIME);
            referrals.accepted(referralId, appointment == null ? null : new Appointment(appointment,
                    time == null ? null : java.time.LocalTime.parse(time.toString()),
                    (String) execution.getVariable(Vars.APPOINTMENT_PLACE), (String) execution.getVariable(Vars.APPOINTMENT_CONTACT)));
            execution.setVariable(Vars.OUTCOME, Values.ACCEPTED_OUTCOME);
            if (appointment != null) {
                execution.setVariables(appointmentVariables(appointment));
            }
        } else {
            referrals.refused(referralId, (String) execution.getVariable(Vars.REFUSAL_REASON));
            execution.setVariable(Vars.OUTCOME, Values.REFUSED_OUTCOME);
        }
    }

    /** What the mediator's attendance task shows and when it is due: two days after the appointment. */
    static java.util.Map<String, Object> appointmentVariables(java.time.LocalDate appointment) {
        return java.util.Map.of(Vars.APPOINTMENT_LABEL, appointment.format(LABEL), Vars.ATTENDANCE_CHECK_DUE,
                java.util.Date.from(appointment.plusDays(2).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant()));
    }
}
