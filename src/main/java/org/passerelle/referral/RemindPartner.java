package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Emails the partner a reminder with its answer link (capped by the timer cycle). */
@Component("remindPartner")
public class RemindPartner implements JavaDelegate {

    private final Referrals referrals;

    public RemindPartner(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        referrals.remind(referralId);
    }
}
