package org.passerelle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a mediator types wrong stays with the mediator: the task is not completed, the reason comes back in
 * French (Tasklist shows it), and no incident is left for a programme lead to repair.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CompletionChecksTest {

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identity;

    private String mediator;

    private String journeyAtDiagnostic(String externalId) {
        mediator = TestUsers.ensure(identity, "checksMediator", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Yanis", "tiktok", "Bonjour"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Yanis"));
        runJobs(started.processInstanceId());
        return started.processInstanceId();
    }

    private void runJobs(String processInstanceId) {
        managementService.createJobQuery().processInstanceId(processInstanceId).executable().list().stream()
                .filter(job -> job.getDuedate() == null || job.getDuedate().getTime() <= System.currentTimeMillis())
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    private HttpResponse<String> submit(String processInstanceId, String taskKey, String variables) {
        String task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult().getId();
        return Http.send(Http.postJson(port, "/engine-rest/task/" + task + "/submit-form", "{\"variables\":{" + variables + "}}")
                .header("Authorization", Http.basic(mediator, TestUsers.password(mediator))));
    }

    private static String diagnostic(String birthDate, String departement, String situation) {
        return """
                "birthDate":{"value":"%s","type":"String"},"departement":{"value":"%s","type":"String"},
                "diplomaLevel":{"value":"bac","type":"String"},"situation":{"value":"%s","type":"String"},
                "hasProject":{"value":false,"type":"Boolean"},"consentContact":{"value":true,"type":"Boolean"},
                "consentReferral":{"value":true,"type":"Boolean"},"guardianConsent":{"value":false,"type":"Boolean"}"""
                .formatted(birthDate, departement, situation);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "birth date in the future|2031-05-02|93|chomeur|date de naissance dans le futur",
            "impossible date|2007-02-31|93|chomeur|date de naissance illisible",
            "not a date|15/03/2007|93|chomeur|date de naissance illisible",
            "too old for the programme|1980-01-01|93|chomeur|âge hors du public du programme",
            "unknown département|2007-03-15|99|chomeur|département inconnu",
            "unknown situation|2007-03-15|93|astronaute|situation inconnue"})
    void aWrongDiagnosticStaysWithTheMediatorWithTheReason(String description, String birthDate, String departement,
            String situation, String reason) {
        String instance = journeyAtDiagnostic("checks-" + description.replace(' ', '-'));

        var refused = submit(instance, Tasks.DIAGNOSTIC, diagnostic(birthDate, departement, situation));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Diagnostic à corriger", reason);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(Tasks.DIAGNOSTIC).count()).isOne();
        runJobs(instance);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();

        assertThat(submit(instance, Tasks.DIAGNOSTIC, diagnostic("2007-03-15", "93", "chomeur")).statusCode()).isEqualTo(204);
    }

    @Test
    void anActionPlanWithNothingTickedNeedsAnExplicitChoice() {
        String instance = journeyAtDiagnostic("checks-plan");
        assertThat(submit(instance, Tasks.DIAGNOSTIC, diagnostic("2006-03-15", "93", "chomeur")).statusCode()).isEqualTo(204);
        runJobs(instance);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(Tasks.PLAN_ACTIONS).count())
                .as("this youth's track plans actions").isOne();

        var unknown = submit(instance, Tasks.PLAN_ACTIONS, "\"plannedActions\":{\"value\":\"[\\\"cv\\\",\\\"actionInventee\\\"]\",\"type\":\"Json\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Action inconnue : « actionInventee »");

        var nothing = submit(instance, Tasks.PLAN_ACTIONS, "\"plannedActions\":{\"value\":\"[]\",\"type\":\"Json\"}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Choisissez au moins une action");

        var explicit = submit(instance, Tasks.PLAN_ACTIONS, "\"plannedActions\":{\"value\":\"[]\",\"type\":\"Json\"},"
                + "\"noAction\":{\"value\":true,\"type\":\"Boolean\"}");
        assertThat(explicit.statusCode()).isEqualTo(204);
    }
}
