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

/**
 * Runs before the engine's own deployers: a deployment that breaks a {@link ModelRules} rule is refused
 * as a whole (REST answers 400 with the French reasons). Definitions reloaded from the database are checked
 * again, so a model deployed before these rules existed cannot run either.
 */
class ModelValidationDeployer implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRules rules;

    ModelValidationDeployer(ModelRules rules) {
        this.rules = rules;
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
        }
        if (!violations.isEmpty()) {
            throw new BadUserRequestException("Déploiement refusé par Passerelle : "
                    + violations.stream().map(ModelViolation::inFrench).collect(Collectors.joining(" ; ")));
        }
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
