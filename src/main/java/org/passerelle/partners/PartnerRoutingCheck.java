package org.passerelle.partners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * "Réseaux conseillés" may only advise networks "Réseaux partenaires" knows (deployed before, or in the same
 * deploy): an unknown code is refused at deploy time instead of failing a referral later.
 */
@Component
class PartnerRoutingCheck implements DecisionCheck {

    private final PartnerNetworks networks;

    PartnerRoutingCheck(PartnerNetworks networks) {
        this.networks = networks;
    }

    @Override
    public String decisionKey() {
        return PartnerRouting.DECISION_ID;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        return problems(engine, decision, List.of());
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision, Collection<DmnDecision> deployedWith) {
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return List.of("« Réseaux conseillés » doit rester une table de décision");
        }
        int column = -1;
        List<DmnDecisionTableOutputImpl> outputs = table.getOutputs();
        for (int i = 0; i < outputs.size(); i++) {
            if ("network".equals(outputs.get(i).getOutputName())) {
                column = i;
            }
        }
        if (column < 0) {
            return List.of("la colonne de sortie « network » (le réseau conseillé) manque");
        }
        Set<String> known = known(engine, deployedWith);
        List<String> problems = new ArrayList<>();
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            DmnExpressionImpl conclusion = rule.getConclusions().get(column);
            String text = conclusion == null || conclusion.getExpression() == null ? "" : conclusion.getExpression().strip();
            if (!text.matches("\"[^\"]*\"")) {
                problems.add("règle « " + ruleName(rule) + " » : le réseau s'écrit entre guillemets, comme \"GEIQ\"");
            } else if (!known.contains(text.substring(1, text.length() - 1))) {
                problems.add("règle « " + ruleName(rule) + " » : réseau « " + text.substring(1, text.length() - 1)
                        + " » inconnu de « Réseaux partenaires » (connus : " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return problems;
    }

    /** The networks a routing table advises (its "network" outputs written as quoted codes). */
    static Set<String> advised(DmnDecision decision) {
        Set<String> codes = new java.util.TreeSet<>();
        if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
            return codes;
        }
        List<DmnDecisionTableOutputImpl> outputs = table.getOutputs();
        for (int i = 0; i < outputs.size(); i++) {
            if (!"network".equals(outputs.get(i).getOutputName())) {
                continue;
            }
            for (DmnDecisionTableRuleImpl rule : table.getRules()) {
                DmnExpressionImpl conclusion = rule.getConclusions().get(i);
                String text = conclusion == null || conclusion.getExpression() == null ? "" : conclusion.getExpression().strip();
                if (text.matches("\"[^\"]*\"")) {
                    codes.add(text.substring(1, text.length() - 1));
                }
            }
        }
        return codes;
    }

    private Set<String> known(DmnEngine engine, Collection<DmnDecision> deployedWith) {
        return deployedWith.stream().filter(d -> PartnerNetworks.DECISION.equals(d.getKey())).findFirst()
                .map(d -> PartnerNetworks.byCode(PartnerNetworks.evaluate(engine, d)).keySet())
                .orElseGet(() -> networks.all().keySet());
    }

    private static String ruleName(DmnDecisionTableRuleImpl rule) {
        return rule.getName() != null && !rule.getName().isBlank() ? rule.getName() : rule.getId();
    }
}
