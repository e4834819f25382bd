package org.passerelle.reporting;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * What supervisors read for a campaign code, from the latest deployed "Libellés des campagnes" decision: a lead
 * adds a campaign's label (a new TikTok lead form…) and the figures page shows it, without Java or restart.
 */
@Service
public class CampaignLabels {

    public static final String DECISION = "campaignLabels";

    private final DecisionService decisions;

    public CampaignLabels(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The label, or null when the table has none (the page then shows the code). */
    public String labelOf(String campaign) {
        if (campaign == null) {
            return null;
        }
        var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("campagne", campaign));
        return result.isEmpty() ? null : (String) result.getFirstResult().getEntry("libelle");
    }
}
