package org.passerelle.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What the application deploys at start: every form a deployed model refers to is deployed too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeployedFormsTest {

    @Autowired RepositoryService repository;

    @Test
    void everyFormRefOfADeployedProcessResolvesToADeployedForm() throws Exception {
        Set<String> deployedForms = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Deployment deployment : repository.createDeploymentQuery().list()) {
            for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream form = repository.getResourceAsStream(deployment.getId(), resource)) {
                        deployedForms.add(json.readTree(form).path("id").asText());
                    }
                }
            }
        }
        Set<String> referenced = new HashSet<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repository.getBpmnModelInstance(definition.getId());
            model.getModelElementsByType(UserTask.class).forEach(t -> referenced.add(t.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).stream().filter(s -> s.getCamundaFormRef() != null)
                    .forEach(s -> referenced.add(s.getCamundaFormRef()));
        }

        assertThat(referenced).contains("firstAnswer", "diagnostic", "proposeMentor", "choosePartner");
        assertThat(deployedForms).containsAll(referenced);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("youthSegmentation").count()).isPositive();
    }
}
