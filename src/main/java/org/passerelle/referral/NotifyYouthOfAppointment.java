package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Tells the youth, on their messaging app, that a partner expects them. */
@Component("notifyYouthOfAppointment")
public class NotifyYouthOfAppointment implements JavaDelegate {

    private final Referrals referrals;

    public NotifyYouthOfAppointment(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long referralId = (Long) execution.getVariable(Vars.REFERRAL_ID);
        // The mediator's attendance task says whether the youth got the message, or must be told another way.
        execution.setVariable(Vars.YOUTH_NOTICE, referrals.notifyYouth(referralId)
                ? "le jeune a reçu le rendez-vous par message"
                : "la plateforme n'a pas permis d'envoyer le rendez-vous au jeune : prévenez-le vous-même");
    }
}
