package org.passerelle.mentoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/**
 * A "Classement des mentors" table is refused at deploy time when the matching could not read it: it must answer
 * for any mentor with rows of "exclu" (oui/non), "points" (a whole number) and "raison".
 */
@Component
class MentorRankingCheck implements DecisionCheck {

    @Override
    public String decisionKey() {
        return MentorRanking.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        List<String> problems = new ArrayList<>();
        for (boolean sameSector : List.of(true, false)) {
            var facts = Variables.createVariables().putValue("memeSecteur", sameSector).putValue("objectifAccompagne", true)
                    .putValue("memeDepartement", true).putValue("aDistance", false).putValue("placesLibres", 1)
                    .putValue("dejaSollicite", false).putValue("mentoratsReussis", 0).putValue("rechercheElargie", false)
                    .putValue("interetsJeune", "S,A");
            for (Map<String, Object> row : engine.evaluateDecisionTable(decision, facts).getResultList()) {
                if (!"oui".equals(row.get("exclu")) && !"non".equals(row.get("exclu"))) {
                    problems.add("chaque règle doit dire « exclu » : \"oui\" ou \"non\"");
                }
                if (row.get("points") != null && !(row.get("points") instanceof Number)) {
                    problems.add("« points » doit être un nombre entier");
                }
                if (!row.containsKey("raison")) {
                    problems.add("la colonne de sortie « raison » manque (le médiateur doit lire pourquoi)");
                }
            }
        }
        return problems.stream().distinct().toList();
    }
}
