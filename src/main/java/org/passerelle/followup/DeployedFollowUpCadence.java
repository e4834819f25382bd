package org.passerelle.followup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The cadence as the latest deployed "Cadence des relances" decision says it: a lead's new table applies to the
 * next nudge scheduled, without restart. A table that gives no number for a count is a modelling error, said in
 * French rather than guessed.
 * <p>
 * A deployed version never changes and its answer depends on the count alone, so each version is evaluated once
 * per count: evaluating it at every nudge (twice per nudge, each with its history rows) cost a third of the
 * nudges' throughput (BENCHMARKS.md).
 */
@Component
public class DeployedFollowUpCadence implements FollowUpCadence {

    private record Answer(String definitionId, int unansweredNudges) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Cache<Answer, Long> answers = Caffeine.newBuilder().maximumSize(1_000).build();

    public DeployedFollowUpCadence(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public long daysAfterLastContact(int unansweredNudges) {
        // Read for the engine (a mediator completing a task needs no right on the decision itself).
        return asEngine(() -> {
            String definitionId = latestDefinitionId();
            return answers.get(new Answer(definitionId, unansweredNudges), answer -> evaluate(answer));
        });
    }

    private String latestDefinitionId() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().withoutTenantId().singleResult();
        if (latest == null) {
            throw new IllegalStateException("La décision « Cadence des relances » n'est pas déployée");
        }
        return latest.getId();
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
