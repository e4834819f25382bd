package org.passerelle.followup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cadence as the latest deployed "Cadence des relances" decision says it: a lead's new table applies to the
 * next nudge scheduled, without restart. A table that gives no number for a count is a modelling error, said in
 * French rather than guessed.
 * <p>
 * A deployed version never changes and its answer depends on the count alone, so each version is evaluated once
 * per count. Evaluated at every nudge (twice, each time with its history rows), it held nudges to 183/s where
 * they now reach about 250/s (BENCHMARKS.md).
 */
@Component
public class DeployedFollowUpCadence implements FollowUpCadence {

    private record Answer(String definitionId, int unansweredNudges) {
    }

    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final Cache<Answer, Long> answers = Caffeine.newBuilder().maximumSize(1_000).build();

    public DeployedFollowUpCadence(DecisionService decisions, JdbcTemplate jdbc) {
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    @Override
    public long daysAfterLastContact(int unansweredNudges) {
        // Read for the engine (a mediator completing a task needs no right on the decision itself).
        return asEngine(() -> {
            String definitionId = latestDefinitionId();
            return answers.get(new Answer(definitionId, unansweredNudges), answer -> evaluate(answer));
        });
    }

    /**
     * One plain read of the engine's table, in the job's transaction: Camunda's definition query spent a fifth of
     * a nudge's CPU samples in its query machinery (a flight recording of the nudge benchmark).
     */
    private String latestDefinitionId() {
        List<String> latest = jdbc.queryForList("select ID_ from ACT_RE_DECISION_DEF where KEY_ = ? and TENANT_ID_ is null "
                + "order by VERSION_ desc fetch first 1 rows only", String.class, DECISION);
        if (latest.isEmpty()) {
            throw new IllegalStateException("La décision « Cadence des relances » n'est pas déployée");
        }
        return latest.get(0);
    }

    private long evaluate(Answer answer) {
        var result = decisions.evaluateDecisionTableById(answer.definitionId(),
                Variables.createVariables().putValue(UNANSWERED_NUDGES, answer.unansweredNudges()));
        Object days = result.isEmpty() ? null : result.getFirstResult().getEntry(DAYS_AFTER_LAST_CONTACT);
        if (!(days instanceof Number number) || number.longValue() < 0) {
            throw new IllegalStateException("La décision « Cadence des relances » ne donne pas de délai pour "
                    + answer.unansweredNudges() + " relance(s) sans réponse");
        }
        return number.longValue();
    }

    private static long asEngine(Supplier<Long> work) {
        var context = Context.getCommandContext();
        return context == null ? work.get() : context.runWithoutAuthorization(work::get);
    }
}
