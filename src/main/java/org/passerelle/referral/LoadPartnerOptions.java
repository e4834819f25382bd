package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.Choice;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Lists the partners the mediator can choose; until one accepts, the outcome says why not. */
@Component("loadPartnerOptions")
public class LoadPartnerOptions implements JavaDelegate {

    private final Referrals referrals;

    public LoadPartnerOptions(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        execution.setVariable(Vars.PARTNER_OPTIONS, Choice.asFormValues(referrals.options(journeyId)));
        if (execution.getVariable(Vars.OUTCOME) == null) {
            execution.setVariable(Vars.OUTCOME, Values.NO_PARTNER);
        }
        execution.removeVariable(Vars.PARTNER_ID);
    }
}
