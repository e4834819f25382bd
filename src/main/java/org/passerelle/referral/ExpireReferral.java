package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** No answer in time: the referral expires and the mediator chooses again. */
@Component("expireReferral")
public class ExpireReferral implements JavaDelegate {

    private final Referrals referrals;

    public ExpireReferral(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        referrals.expire(referralId);
        execution.setVariable(Vars.OUTCOME, PartnerReferral.Values.EXPIRED_OUTCOME);
    }
}
