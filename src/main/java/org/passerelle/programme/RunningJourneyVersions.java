package org.passerelle.programme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.passerelle.modelguard.ApplicationProcesses;
import org.springframework.stereotype.Service;

/**
 * After a lead deploys a new version of a process, the journeys already running stay on their version. A lead may
 * move them to the latest one in one step when every step they wait at still exists there (same ids); otherwise
 * nothing moves and the lead is told which steps block, in French.
 */
@Service
public class RunningJourneyVersions {

    /** A version with running instances, older than the latest of its process. */
    public record OlderVersion(String definitionId, String key, String name, int version, int latestVersion, long running) {
    }

    /** What a move did: how many journeys moved, or why none did. */
    public record Outcome(long moved, List<String> blockers) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    /** Passerelle's own technical processes: not the programme's journeys, never moved from this page. */
    private final Set<String> technical;

    public RunningJourneyVersions(RepositoryService repository, RuntimeService runtime, List<ApplicationProcesses> technical) {
        this.repository = repository;
        this.technical = ApplicationProcesses.idsOf(technical);
        this.runtime = runtime;
    }

    public List<OlderVersion> olderVersionsStillRunning() {
        List<OlderVersion> older = new ArrayList<>();
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc()
                .list().stream().filter(d -> !technical.contains(d.getKey())).toList()) {
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(latest.getKey())
                    .list().stream().sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList()) {
                long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
                if (definition.getVersion() < latest.getVersion() && running > 0) {
                    older.add(new OlderVersion(definition.getId(), definition.getKey(),
                            latest.getName() == null ? latest.getKey() : latest.getName(), definition.getVersion(),
                            latest.getVersion(), running));
                }
            }
        }
        return older;
    }

    /** Moves every journey of this older version to the latest one, or none. */
    public Outcome moveToLatest(String definitionId) {
        ProcessDefinition source = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
        if (source == null || technical.contains(source.getKey())) {
            return new Outcome(0, List.of("cette version n'existe pas"));
        }
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(source.getKey())
                .latestVersion().singleResult();
        if (target.getId().equals(source.getId())) {
            return new Outcome(0, List.of("c'est déjà la dernière version"));
        }
        long running = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        if (running == 0) {
            return new Outcome(0, List.of("aucun parcours n'est plus en cours sur cette version"));
        }
        try {
            var plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers()
                    .build();
            // All or nothing, in one transaction: a journey waiting at a step the new version lacks keeps every other
            // journey on its version too.
            runtime.newMigration(plan).processInstanceQuery(runtime.createProcessInstanceQuery()
                    .processDefinitionId(source.getId())).execute();
            return new Outcome(running, List.of());
        } catch (MigratingProcessInstanceValidationException blocked) {
            Set<String> blockers = new LinkedHashSet<>();
            blocked.getValidationReport().getActivityInstanceReports().forEach(report ->
                    blockers.add("des parcours attendent à l'étape « " + report.getSourceScopeId()
                            + " », qui n'existe plus sous le même identifiant dans la version " + target.getVersion()));
            blocked.getValidationReport().getTransitionInstanceReports().forEach(report ->
                    blockers.add("des parcours sont en cours à l'étape « " + report.getSourceScopeId()
                            + " », qui n'existe plus sous le même identifiant dans la version " + target.getVersion()));
            if (blockers.isEmpty()) {
                blockers.add("la nouvelle version ne peut pas reprendre ces parcours tels qu'ils sont");
            }
            return new Outcome(0, List.copyOf(blockers));
        } catch (MigrationPlanValidationException unmappable) {
            Set<String> blockers = new LinkedHashSet<>();
            unmappable.getValidationReport().getInstructionReports().forEach(report ->
                    blockers.add("l'étape « " + report.getMigrationInstruction().getSourceActivityId()
                            + " » ne peut pas passer telle quelle dans la version " + target.getVersion()));
            return new Outcome(0, blockers.isEmpty() ? List.of("les deux versions sont trop différentes") : List.copyOf(blockers));
        } catch (org.camunda.bpm.engine.ProcessEngineException moving) {
            // A journey that moved on meanwhile (a message, a timer): nothing was changed, the lead may try again.
            return new Outcome(0, List.of("des parcours ont avancé pendant le changement de version ; réessayez"));
        }
    }
}
