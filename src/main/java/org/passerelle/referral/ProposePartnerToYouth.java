package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Proposes the first ranked partner to the youth directly, who answers yes or no in the conversation. */
@Component("proposePartnerToYouth")
public class ProposePartnerToYouth implements JavaDelegate {

    private final AutomaticReferral automatic;

    public ProposePartnerToYouth(AutomaticReferral automatic) {
        this.automatic = automatic;
    }

    @Override
    public void execute(DelegateExecution execution) {
        automatic.propose((Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID), (String) execution.getVariable(Vars.AUTOMATIC_PARTNER_NAME));
    }
}
