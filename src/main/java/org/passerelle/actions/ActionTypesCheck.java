package org.passerelle.actions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.DecisionCheck;
import org.springframework.stereotype.Component;

/** A "Types d'action" table is refused at deploy time unless every row has a usable code, a label and a delay. */
@Component
class ActionTypesCheck implements DecisionCheck {

    @Override
    public String decisionKey() {
        return ActionTypes.DECISION;
    }

    @Override
    public List<String> problems(DmnEngine engine, DmnDecision decision) {
        var rows = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("programme", "passerelle"))
                .getResultList();
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("aucune action proposée aux médiateurs");
        }
        Set<String> codes = new HashSet<>();
        for (var row : rows) {
            Object code = row.get("code");
            if (!(code instanceof String text) || !text.matches("[a-z][a-zA-Z0-9]{0,39}")) {
                problems.add("code « " + code + " » : des lettres et des chiffres sans espace ni accent, commençant par une minuscule");
            } else if (!codes.add(text)) {
                problems.add("code « " + text + " » présent deux fois");
            }
            if (!(row.get("libelle") instanceof String label) || label.isBlank() || label.length() > 120) {
                problems.add("action « " + code + " » : un libellé de 120 caractères au plus est attendu");
            }
            if (!(row.get("echeanceJours") instanceof Number days) || days.intValue() < 1 || days.intValue() > 365) {
                problems.add("action « " + code + " » : une échéance de 1 à 365 jours est attendue");
            }
        }
        return problems;
    }
}
