package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** The youth's answer to the partner proposed: yes refers to it at once; anything else goes to the mediator. */
@Component("readYouthReferralAnswer")
public class ReadYouthReferralAnswer implements JavaDelegate {

    private final AutomaticReferral automatic;

    public ReadYouthReferralAnswer(AutomaticReferral automatic) {
        this.automatic = automatic;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean yes = automatic.youthAccepts((Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID));
        execution.setVariable(Vars.YOUTH_ACCEPTS, yes);
        if (yes) {
            execution.setVariable(Vars.PARTNER_ID, execution.getVariable(Vars.AUTOMATIC_PARTNER_ID));
        }
    }
}
