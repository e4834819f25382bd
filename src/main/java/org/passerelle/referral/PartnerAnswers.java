package org.passerelle.referral;

import java.time.LocalDate;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's answer through its signed link: checked, then delivered to the waiting referral. */
@Service
public class PartnerAnswers {

    public enum Outcome { RECORDED, INVALID, EXPIRED, ALREADY_ANSWERED }

    /** Each correction messages the youth: a link forwarded to the wrong person cannot keep moving a minor's appointment. */
    static final int MAX_CORRECTIONS = 3;

    public static final java.util.Set<String> REFUSAL_REASONS = RefusalReasons.LABELS.keySet();

    private final ReferralLinks links;
    private final ReferralRepository referrals;
    private final RuntimeService runtimeService;
    private final org.camunda.bpm.engine.TaskService taskService;
    private final Referrals youthNotices;
    private final java.time.Clock clock;

    public PartnerAnswers(ReferralLinks links, ReferralRepository referrals, RuntimeService runtimeService,
            org.camunda.bpm.engine.TaskService taskService, Referrals youthNotices, java.time.Clock clock) {
        this.links = links;
        this.referrals = referrals;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.youthNotices = youthNotices;
        this.clock = clock;
    }

    /** Whether the link may still be answered; nothing changes. */
    @Transactional(readOnly = true)
    public Outcome check(String token) {
        ReferralLinks.Verified verified = links.verify(token);
        return switch (verified.check()) {
            case TAMPERED -> Outcome.INVALID;
            case EXPIRED -> Outcome.EXPIRED;
            case VALID -> referrals.findById(verified.referralId())
                    .map(r -> r.getStatus() == Referral.Status.EXPIRED ? Outcome.EXPIRED
                            : r.getStatus() == Referral.Status.SENT && Objects.equals(r.getLinkNonce(), verified.nonce())
                            ? Outcome.RECORDED : Outcome.ALREADY_ANSWERED)
                    .orElse(Outcome.INVALID);
        };
    }

    @Transactional
    public Outcome answer(String token, boolean accepted, LocalDate appointmentDate, String refusalReason) {
        return answer(token, accepted, appointmentDate == null ? null : new Appointment(appointmentDate, null, null, null),
                refusalReason);
    }

    @Transactional
    public Outcome answer(String token, boolean accepted, Appointment appointment, String refusalReason) {
        LocalDate appointmentDate = appointment == null ? null : appointment.date();
        Outcome state = check(token);
        if (state != Outcome.RECORDED) {
            return state;
        }
        Long referralId = links.verify(token).referralId();
        runtimeService.createMessageCorrelation(PartnerReferral.Messages.PARTNER_ANSWERED)
                .processInstanceVariableEquals(Vars.REFERRAL_ID, referralId)
                .setVariables(Variables.createVariables()
                        .putValue(Vars.PARTNER_ANSWER, accepted ? Values.ACCEPTED : Values.REFUSED)
                        .putValue(Vars.APPOINTMENT_DATE, appointmentDate == null ? null : appointmentDate.toString())
                        .putValue(Vars.APPOINTMENT_TIME, appointment == null || appointment.time() == null ? null : appointment.time().toString())
                        .putValue(Vars.APPOINTMENT_PLACE, appointment == null ? null : appointment.place())
                        .putValue(Vars.APPOINTMENT_CONTACT, appointment == null ? null : appointment.contact())
                        .putValue(Vars.REFUSAL_REASON, accepted ? null : refusalReason))
                .correlate();
        // Single use at once, before the asynchronous recording step runs.
        referrals.findById(referralId).orElseThrow().consumeLink();
        return Outcome.RECORDED;
    }

    /**
     * The accepted referral whose appointment this link may still correct: the link that answered (its signature
     * checked, its answering period may be over), until the day before the appointment.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Referral> correctable(String token) {
        ReferralLinks.Verified verified = links.verify(token);
        if (verified.check() == ReferralLinks.Check.TAMPERED) {
            return java.util.Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")));
        return referrals.findById(verified.referralId())
                .filter(r -> r.getStatus() == Referral.Status.ACCEPTED && r.getAnswerNonce() != null
                        && Objects.equals(r.getAnswerNonce(), verified.nonce())
                        && r.getCorrections() < MAX_CORRECTIONS
                        // Until the day before, and never past six months after the acceptance, however often moved.
                        && r.getAppointmentDate() != null && today.isBefore(r.getAppointmentDate())
                        && r.getAnsweredAt() != null && today.isBefore(LocalDate.ofInstant(r.getAnsweredAt(), java.time.ZoneId.of("Europe/Paris")).plusMonths(6)));
    }

    /**
     * The partner corrects its appointment: recorded, the mediator's attendance check follows the new date, and a
     * youth already told of the first one is told of the change.
     */
    @Transactional
    public boolean correct(String token, Appointment appointment) {
        var referral = correctable(token).orElse(null);
        if (referral == null) {
            return false;
        }
        referrals.findById(referral.getId()).orElseThrow().reschedule(appointment);
        var instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(PartnerReferral.PROCESS_ID)
                .variableValueEquals(Vars.REFERRAL_ID, referral.getId()).active().singleResult();
        if (instance == null) {
            return true;
        }
        var variables = Variables.createVariables()
                .putValue(Vars.APPOINTMENT_DATE, appointment.date().toString())
                .putValue(Vars.APPOINTMENT_TIME, appointment.time() == null ? null : appointment.time().toString())
                .putValue(Vars.APPOINTMENT_PLACE, appointment.place())
                .putValue(Vars.APPOINTMENT_CONTACT, appointment.contact());
        variables.putAll(RecordPartnerAnswer.appointmentVariables(appointment.date()));
        runtimeService.setVariables(instance.getId(), variables);
        var check = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(PartnerReferral.Tasks.CONFIRM_ATTENDANCE).singleResult();
        if (check != null) {
            taskService.setDueDate(check.getId(), (java.util.Date) RecordPartnerAnswer.appointmentVariables(appointment.date())
                    .get(Vars.ATTENDANCE_CHECK_DUE));
            youthNotices.notifyYouthOfChange(referral.getId());
            // The mediator reads it on the task (comments, History tab).
            taskService.createComment(check.getId(), instance.getId(), "Le partenaire a déplacé le rendez-vous : "
                    + appointment.inWords(LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Paris")))) + ".");
        }
        return true;
    }

    public Long referralIdOf(String token) {
        return links.verify(token).referralId();
    }
}
