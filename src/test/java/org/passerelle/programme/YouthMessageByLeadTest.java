package org.passerelle.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A programme lead models a new message to the youth with the palette's "Envoyer un message au jeune", without
 * Java: it is sent with the youth's first name; a message that could not be sent is refused at deploy time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class YouthMessageByLeadTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JourneyGateway gateway;
    @Autowired JourneyRepository journeys;
    @Autowired org.passerelle.intake.YouthRepository youths;
    @Autowired ConversationMessageRepository messages;

    @AfterEach
    void removeTheLeadsDeployments() {
        repository.createDeploymentQuery().deploymentName("essai-modeler").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static String withMessage(String processId, String message) {
        return ModelerDeploy.process(processId, """
                <bpmn:startEvent id="start"><bpmn:outgoing>toMessage</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="toMessage" sourceRef="start" targetRef="taskWorkshopMessage" />
                <bpmn:serviceTask id="taskWorkshopMessage" name="Annoncer l'atelier" camunda:asyncBefore="true"
                    camunda:modelerTemplate="org.passerelle.sendYouthMessage" camunda:delegateExpression="${sendYouthMessage}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput><camunda:inputParameter name="message">%s</camunda:inputParameter></camunda:inputOutput>
                  </bpmn:extensionElements>
                  <bpmn:incoming>toMessage</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="toEnd" sourceRef="taskWorkshopMessage" targetRef="end" />
                <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
                """.formatted(message));
    }

    private String lead() {
        return TestUsers.ensure(identity, "messageLead", Roles.PROGRAMME_LEADS);
    }

    @Test
    void aLeadsNewMessageReachesTheYouthWithTheirFirstName() {
        var deployed = ModelerDeploy.deploy(port, lead(), Map.of("atelier-numerique.bpmn", withMessage("atelierNumerique",
                "Bonjour {{prenom}} ! L'atelier numérique commence lundi à 14 h, au local de la Mission Locale.")));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        var started = gateway.startFromFirstContact(new JourneyGateway.FirstContact("whatsapp", "33699770001", "Lina",
                "test", "Bonjour"));

        var instance = runtime.startProcessInstanceByKey("atelierNumerique", Map.of(YouthJourney.Vars.JOURNEY_ID, started.journeyId()));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(started.journeyId()))
                .filteredOn(m -> m.getDirection() == ConversationMessage.Direction.OUT).extracting(ConversationMessage::getBody)
                .contains("Bonjour Lina ! L'atelier numérique commence lundi à 14 h, au local de la Mission Locale.");
    }

    @Test
    void nothingGoesToAYouthWhoStopped() {
        var deployed = ModelerDeploy.deploy(port, lead(), Map.of("atelier-stop.bpmn", withMessage("atelierStop",
                "Bonjour {{prenom}}, l'atelier commence lundi.")));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        var started = gateway.startFromFirstContact(new JourneyGateway.FirstContact("whatsapp", "33699770002", "Théo",
                "test", "Bonjour"));
        var youth = youths.findById(journeys.findById(started.journeyId()).orElseThrow().getYouth().getId()).orElseThrow();
        youth.setOptedOutAt(java.time.Instant.now());
        youths.save(youth);

        var instance = runtime.startProcessInstanceByKey("atelierStop", Map.of(YouthJourney.Vars.JOURNEY_ID, started.journeyId()));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(started.journeyId()))
                .noneMatch(m -> m.getDirection() == ConversationMessage.Direction.OUT && m.getBody().contains("atelier"));
    }

    @Test
    void aMessageThatCouldNotBeSentIsRefusedAtDeployTimeInFrench() {
        var unknownValue = ModelerDeploy.deploy(port, lead(), Map.of("atelier-faux.bpmn", withMessage("atelierFaux",
                "Bonjour {{nom}}, l'atelier commence lundi.")));
        assertThat(unknownValue.statusCode()).isEqualTo(400);
        assertThat(unknownValue.body()).contains("Envoyer un message au jeune").contains("{{nom}}").contains("{{prenom}}");

        var empty = ModelerDeploy.deploy(port, lead(), Map.of("atelier-vide.bpmn", withMessage("atelierVide", "  ")));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("le champ Message est vide");

        var tooLong = ModelerDeploy.deploy(port, lead(), Map.of("atelier-long.bpmn", withMessage("atelierLong", "a".repeat(1001))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("1000 caractères");
        var list = ModelerDeploy.deploy(port, lead(), Map.of("atelier-liste.bpmn", withMessage("atelierListe",
                "<camunda:list><camunda:value>Bonjour</camunda:value></camunda:list>")));
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("le champ Message doit être un texte");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("atelierFaux", "atelierVide", "atelierLong",
                "atelierListe").count())
                .isZero();
    }
}
