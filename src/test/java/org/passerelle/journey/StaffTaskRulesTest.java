package org.passerelle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A youth keeps their mediator from one task to the next, unless the programme turns it off; every staff task has a
 * due date: its own promise, or the programme's standard delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffTaskRulesTest {

    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identity;
    @Autowired JourneySettings settings;

    @AfterEach
    void restore() {
        settings.setSameMediator(true);
        settings.setStandardTaskDue("P3D");
    }

    private String diagnosticAssigneeAfterFirstAnswerBy(String mediator, String externalId) {
        TestUsers.ensure(identity, mediator, Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Lou", "tiktok", "Bonjour"));
        String firstAnswer = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId();
        taskService.claim(firstAnswer, mediator);
        taskService.complete(firstAnswer, Map.of(Vars.ANSWER_TEXT, "Bonjour Lou"));
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        return taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult().getAssignee();
    }

    @Test
    void theNextTaskGoesToTheMediatorWhoAnswered() {
        assertThat(diagnosticAssigneeAfterFirstAnswerBy("continuityAmina", "continuity-1")).isEqualTo("continuityAmina");
    }

    @Test
    void theProgrammeCanOfferEveryTaskToTheWholeTeam() {
        settings.setSameMediator(false);

        assertThat(diagnosticAssigneeAfterFirstAnswerBy("continuityKarim", "continuity-2")).isNull();
    }

    @Test
    void aTaskWithoutAPromiseOfItsOwnIsDueAfterTheStandardDelay() {
        settings.setStandardTaskDue("P2D");
        Instant before = Instant.now();
        TestUsers.ensure(identity, "dueAmina", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "due-1", "Lou", "tiktok", "Bonjour"));
        var firstAnswer = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        // The first answer keeps its own promise (arrival + 24 h), not the standard delay.
        assertThat(firstAnswer.getDueDate().toInstant()).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(5),
                Instant.now().plus(Duration.ofHours(24)).plusSeconds(5));
        taskService.claim(firstAnswer.getId(), "dueAmina");
        taskService.complete(firstAnswer.getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Lou"));
        Instant answered = Instant.now();
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));

        var diagnostic = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult();
        assertThat(diagnostic.getDueDate().toInstant()).isBetween(answered.plus(Duration.ofDays(2)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(2)).plusSeconds(5));
    }

    @Test
    void aNoteLeftOnAnEarlierTaskIsReadOnTheNextOne() {
        TestUsers.ensure(identity, "notesAmina", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "notes-1", "Lou", "tiktok", "Bonjour"));
        String firstAnswer = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId();
        assertThat(taskService.createTaskQuery().taskId(firstAnswer).singleResult().getDescription()).isNull();
        identity.setAuthenticatedUserId("notesAmina");
        try {
            taskService.createComment(firstAnswer, started.processInstanceId(), "Rappeler après 17 h, elle travaille le matin");
        } finally {
            identity.clearAuthentication();
        }
        taskService.claim(firstAnswer, "notesAmina");
        taskService.complete(firstAnswer, Map.of(Vars.ANSWER_TEXT, "Bonjour Lou"));
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));

        String description = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult().getDescription();
        assertThat(description).startsWith("Notes de l'équipe sur ce jeune").contains("notesAmina : Rappeler après 17 h, elle travaille le matin");
    }
}
