package org.passerelle.modelguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Runs before the engine's own deployers: a deployment that breaks a {@link ModelRules} rule is refused
 * as a whole (REST answers 400 with the French reasons). Definitions reloaded from the database are checked
 * again, so a model deployed before these rules existed cannot run either.
 */
class ModelValidationDeployer implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRules rules;
    private final java.util.function.Supplier<java.util.Collection<DecisionCheck>> decisionChecks;
    private final java.util.function.Supplier<Set<String>> applicationProcesses;

    ModelValidationDeployer(ModelRules rules, java.util.function.Supplier<java.util.Collection<DecisionCheck>> decisionChecks,
            java.util.function.Supplier<Set<String>> applicationProcesses) {
        this.rules = rules;
        this.decisionChecks = decisionChecks;
        this.applicationProcesses = applicationProcesses;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        Predicate<String> formKnown = deployment.isNew() ? formsOf(deployment)::contains : id -> true;
        Predicate<String> known = deployment.isNew() ? formKnown.or(ModelValidationDeployer::alreadyDeployed) : formKnown;
        List<ModelViolation> violations = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            violations.addAll(rules.check(resource.getName(), resource.getBytes(), known));
            if (deployment.isNew() && byAPerson()) {
                violations.addAll(applicationProcessesIn(resource));
            }
        }
        if (violations.isEmpty() && deployment.isNew()) {
            violations.addAll(checkDecisions(deployment.getResources().values().stream()
                    .filter(r -> r.getName().toLowerCase().endsWith(".dmn") || r.getName().toLowerCase().endsWith(".dmn11.xml"))
                    .toList()));
        }
        if (!violations.isEmpty()) {
            throw new BadUserRequestException("Déploiement refusé par Passerelle : "
                    + violations.stream().map(ModelViolation::inFrench).collect(Collectors.joining(" ; ")));
        }
    }

    /** Deployed through REST by someone signed in (a lead from Modeler), not by the application at start. */
    private static boolean byAPerson() {
        return Context.getCommandContext() != null && Context.getCommandContext().getAuthenticatedUserId() != null;
    }

    private List<ModelViolation> applicationProcessesIn(ResourceEntity resource) {
        if (!resource.getName().toLowerCase().endsWith(".bpmn") && !resource.getName().toLowerCase().endsWith(".bpmn20.xml")) {
            return List.of();
        }
        Set<String> own = applicationProcesses.get();
        try {
            return Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(resource.getBytes()))
                    .getModelElementsByType(Process.class).stream().filter(process -> own.contains(process.getId()))
                    .map(process -> new ModelViolation(resource.getName(), process.getId(),
                            "ce processus appartient à Passerelle lui-même (un traitement technique) : il ne se déploie pas "
                                    + "depuis Modeler ; donnez un autre identifiant à votre processus"))
                    .toList();
        } catch (RuntimeException unreadable) {
            // Refused rather than let through unchecked: a person's model must be readable to be deployed.
            return List.of(new ModelViolation(resource.getName(), null, "modèle illisible"));
        }
    }

    /** Decisions the platform reads by id are evaluated as the journeys will evaluate them. */
    private List<ModelViolation> checkDecisions(List<ResourceEntity> resources) {
        List<ModelViolation> violations = new ArrayList<>();
        var configuration = Context.getProcessEngineConfiguration();
        if (configuration == null || resources.isEmpty()) {
            return violations;
        }
        var engine = configuration.getDmnEngine();
        java.util.Map<org.camunda.bpm.dmn.engine.DmnDecision, String> decisions = new java.util.LinkedHashMap<>();
        for (ResourceEntity resource : resources) {
            try {
                engine.parseDecisions(new java.io.ByteArrayInputStream(resource.getBytes()))
                        .forEach(decision -> decisions.put(decision, resource.getName()));
            } catch (RuntimeException unreadable) {
                // the engine's own deployer refuses it with its parser's message
            }
        }
        for (DecisionCheck check : decisionChecks.get()) {
            decisions.forEach((decision, resourceName) -> {
                if (!check.decisionKey().equals(decision.getKey())) {
                    return;
                }
                List<String> problems;
                try {
                    problems = check.problems(engine, decision, decisions.keySet());
                } catch (RuntimeException failing) {
                    problems = List.of("la décision ne s'évalue pas (" + failing.getMessage() + ")");
                }
                problems.forEach(p -> violations.add(new ModelViolation(resourceName, decision.getName(), p)));
            });
        }
        return violations;
    }

    private static boolean alreadyDeployed(String formId) {
        return Context.getCommandContext() != null
                && Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
    }

    private static Set<String> formsOf(DeploymentEntity deployment) {
        Set<String> ids = new HashSet<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().toLowerCase().endsWith(".form")) {
                try {
                    JsonNode id = JSON.readTree(resource.getBytes()).get("id");
                    if (id != null && id.isTextual()) {
                        ids.add(id.asText());
                    }
                } catch (Exception unreadable) {
                    // An unreadable form is the engine's to refuse; it just names no id here.
                }
            }
        }
        return ids;
    }
}
