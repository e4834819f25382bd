package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Records the referral to the chosen partner (the email to the partner comes with the referral issue). */
@Component("sendReferral")
public class SendReferral implements JavaDelegate {

    private final Referrals referrals;

    public SendReferral(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        Long partnerId = Long.valueOf(execution.getVariable(Vars.PARTNER_ID).toString());
        execution.setVariable(Vars.REFERRAL_ID, referrals.send(journeyId, partnerId));
        execution.setVariable(Vars.PARTNER_ANSWER, null);
        execution.setVariable(Vars.APPOINTMENT_DATE, null);
        execution.setVariable(Vars.REFUSAL_REASON, null);
    }
}
