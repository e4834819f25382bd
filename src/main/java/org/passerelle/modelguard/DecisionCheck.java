package org.passerelle.modelguard;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * A decision the platform reads by its id (programme parameters, the nudges' cadence) is checked at deploy time
 * by evaluating it: a lead's table that would fail a journey later is refused now, with the reason in French.
 */
public interface DecisionCheck {

    /** The id of the decision this check applies to. */
    String decisionKey();

    /** French reasons the decision cannot be used; empty when it can. */
    List<String> problems(DmnEngine engine, DmnDecision decision);

    /**
     * The same, knowing the other decisions deployed with it: a table may name values another table of the same
     * deployment defines (a routing towards a network added in the same deploy).
     */
    default List<String> problems(DmnEngine engine, DmnDecision decision, java.util.Collection<DmnDecision> deployedWith) {
        return problems(engine, decision);
    }
}
