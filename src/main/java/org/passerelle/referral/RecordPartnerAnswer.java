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

    private final Referrals referrals;

    public RecordPartnerAnswer(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        if (Values.ACCEPTED.equals(execution.getVariable(Vars.PARTNER_ANSWER))) {
            referrals.accepted(referralId, FormValues.asDate(execution.getVariable(Vars.APPOINTMENT_DATE)));
            execution.setVariable(Vars.OUTCOME, Values.ACCEPTED_OUTCOME);
        } else {
            referrals.refused(referralId, (String) execution.getVariable(Vars.REFUSAL_REASON));
            execution.setVariable(Vars.OUTCOME, Values.REFUSED_OUTCOME);
        }
    }

}
