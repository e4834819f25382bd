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

    public static final java.util.Set<String> REFUSAL_REASONS = RefusalReasons.LABELS.keySet();

    private final ReferralLinks links;
    private final ReferralRepository referrals;
    private final RuntimeService runtimeService;

    public PartnerAnswers(ReferralLinks links, ReferralRepository referrals, RuntimeService runtimeService) {
        this.links = links;
        this.referrals = referrals;
        this.runtimeService = runtimeService;
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

    public Long referralIdOf(String token) {
        return links.verify(token).referralId();
    }
}
