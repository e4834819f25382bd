package org.passerelle.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.util.ArrayList;
import java.util.List;
import org.passerelle.journey.Choice;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.journey.YouthJourney;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.springframework.stereotype.Component;

/** Ranks the partners for this youth, with why each is proposed and why others are not. */
@Component("loadPartnerOptions")
public class LoadPartnerOptions implements JavaDelegate {

    private final Referrals referrals;
    private final AutomaticReferral automatic;
    private final PartnerNetworks networks;

    public LoadPartnerOptions(Referrals referrals, AutomaticReferral automatic, PartnerNetworks networks) {
        this.referrals = referrals;
        this.networks = networks;
        this.automatic = automatic;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        PartnerMatcher.Result result = referrals.proposals(journeyId);
        List<Choice> options = new ArrayList<>();
        var catalogue = networks.all();
        result.proposals().forEach(p -> options.add(new Choice(p.partner().getName() + " — "
                + (catalogue.containsKey(p.partner().getNetwork()) ? catalogue.get(p.partner().getNetwork()).label() : p.partner().getNetwork()) + " (" + p.partner().getDepartement() + ")"
                + (p.partner().receivesReferralsByEmail() ? "" : " — par téléphone ou sur place"), p.partner().getId().toString())));
        options.add(new Choice("Aucun partenaire adapté", Values.NONE));
        execution.setVariable(Vars.PARTNER_OPTIONS, Choice.asFormValues(options));
        execution.setVariable(Vars.PARTNER_PROPOSALS, ProposalText.of(result));
        if (execution.getVariable(Vars.OUTCOME) == null) {
            execution.setVariable(Vars.OUTCOME, Values.NO_PARTNER);
        }
        execution.removeVariable(Vars.PARTNER_ID);
        // A mediator who took an automatic proposal back chooses again next time round, like any other.
        execution.removeVariable(Vars.TAKE_BACK);
        var candidate = automatic.candidate(journeyId, (String) execution.getVariable(YouthJourney.Vars.TRACK), result);
        execution.setVariable(Vars.AUTOMATIC_REFERRAL, candidate.isPresent());
        execution.setVariable(Vars.AUTOMATIC_PARTNER_ID, candidate.map(p -> p.partner().getId().toString()).orElse(null));
        execution.setVariable(Vars.AUTOMATIC_PARTNER_NAME, candidate.map(p -> p.partner().getName()).orElse(null));
    }
}
