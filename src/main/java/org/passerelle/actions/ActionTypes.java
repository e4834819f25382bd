package org.passerelle.actions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The action types as the latest deployed "Types d'action" decision lists them: a lead's new row is offered to
 * mediators from the next "Choisir les actions" on, without Java or restart.
 */
@Service
public class ActionTypes {

    public static final String DECISION = "actionTypes";

    private final DecisionService decisions;

    public ActionTypes(DecisionService decisions) {
        this.decisions = decisions;
    }

    public List<ActionType> all() {
        var context = Context.getCommandContext();
        List<Map<String, Object>> rows = context == null ? rows() : context.runWithoutAuthorization(this::rows);
        return rows.stream().map(ActionTypes::typeOf).toList();
    }

    public Optional<ActionType> ofCode(String code) {
        return all().stream().filter(type -> type.code().equals(code)).findFirst();
    }

    /** A row as the table gives it; a row the deploy check would refuse is not expected here. */
    static ActionType typeOf(Map<String, Object> row) {
        Object days = row.get("echeanceJours");
        return new ActionType(String.valueOf(row.get("code")), String.valueOf(row.get("libelle")),
                days instanceof Number number ? number.intValue() : 14);
    }

    private List<Map<String, Object>> rows() {
        return decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("programme", "passerelle"))
                .getResultList();
    }
}
