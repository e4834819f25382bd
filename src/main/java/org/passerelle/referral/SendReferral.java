package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.partners.Partner;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Records the referral to the chosen partner, emailed when the partner has an address, otherwise made by the mediator. */
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
        Long referralId = referrals.send(journeyId, partnerId);
        execution.setVariable(Vars.REFERRAL_ID, referralId);
        Partner partner = referrals.partnerOf(referrals.referral(referralId));
        execution.setVariable(Vars.REFERRAL_BY_EMAIL, partner.receivesReferralsByEmail());
        execution.setVariable(Vars.PARTNER_NAME, partner.getName());
        execution.setVariable(Vars.PARTNER_CONTACT, partner.receivesReferralsByEmail() ? null : referrals.directContact(partnerId));
        execution.setVariable(Vars.PARTNER_ANSWER, null);
        execution.setVariable(Vars.APPOINTMENT_DATE, null);
        execution.setVariable(Vars.REFUSAL_REASON, null);
        execution.setVariable(Vars.APPOINTMENT_TIME, null);
        execution.setVariable(Vars.APPOINTMENT_PLACE, null);
        execution.setVariable(Vars.APPOINTMENT_CONTACT, null);
    }
}
