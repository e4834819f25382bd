package org.passerelle.partners;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The programme's routing policy, the DMN table partnerRouting a programme lead edits in Modeler:
 * which networks suit a youth's track and profile, and how strongly.
 */
@Component
public class PartnerRouting {

    public static final String DECISION_ID = "partnerRouting";

    private final DecisionService decisions;

    public PartnerRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Map<String, Integer> preferredNetworks(YouthProfile youth, int age) {
        var result = decisions.evaluateDecisionByKey(DECISION_ID).variables(Variables.createVariables()
                .putValue("track", youth.track()).putValue("age", age).putValue("diplomaLevel", youth.diplomaLevel())
                .putValue("overseas", youth.overseas()).putValue("urgentBarrier", youth.urgentBarrier())
                .putValue("hasProject", youth.hasProject())
                // The self-test's interests: a lead may add a column reading them ("S,A"; empty without a test).
                .putValue("interetsJeune", youth.interests() == null ? "" : youth.interests())).evaluate();
        // Codes are checked against "Réseaux partenaires" at deploy time (PartnerRoutingCheck).
        Map<String, Integer> weights = new HashMap<>();
        result.forEach(entries -> weights.merge(String.valueOf((Object) entries.getEntry("network")),
                ((Number) entries.getEntry("weight")).intValue(), Math::max));
        return weights;
    }
}
