package org.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.YouthJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Mediators work the tasks of their processes through permissions on those processes: no authorization row is
 * written per task (it made the task list slow on PostgreSQL), and who may see and work a task stays the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskAuthorizationsByProcessTest {

    @Autowired JourneyGateway journeys;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired org.camunda.bpm.engine.ManagementService management;

    private Task firstAnswerOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER)
                .singleResult();
    }

    private <T> T as(String user, String group, java.util.function.Supplier<T> work) {
        identity.setAuthentication(user, List.of(group));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aMediatorSeesClaimsAndCompletesWithoutARowPerTaskAndASupervisorSeesNothing() {
        var started = journeys.startFromFirstContact(new JourneyGateway.FirstContact("whatsapp", "33699880001", "Inès",
                "test", "Bonjour"));
        Task task = firstAnswerOf(started.processInstanceId());
        tasks.setAssignee(task.getId(), "amina-test");

        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).count())
                .as("rows for this task").isZero();
        assertThat(as("karim-test", Roles.MEDIATORS, () -> tasks.createTaskQuery().taskId(task.getId()).count())).isOne();
        assertThat(as("sophie-test", Roles.SUPERVISORS, () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();

        as("amina-test", Roles.MEDIATORS, () -> {
            tasks.complete(task.getId(), Map.of(YouthJourney.Vars.ANSWER_TEXT, "Bonjour Inès, je suis Amina."));
            return null;
        });
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void aSupervisorMayNotCompleteAMediatorsTask() {
        var started = journeys.startFromFirstContact(new JourneyGateway.FirstContact("whatsapp", "33699880002", "Noé",
                "test", "Salut"));
        Task task = firstAnswerOf(started.processInstanceId());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> as("sophie-test", Roles.SUPERVISORS, () -> {
            tasks.complete(task.getId(), Map.of(YouthJourney.Vars.ANSWER_TEXT, "?"));
            return null;
        }))).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }

    @Test
    void theLeadsEscalationIsTheirsAloneMediatorsDoNotEvenSeeIt() {
        var started = journeys.startFromFirstContact(new JourneyGateway.FirstContact("whatsapp", "33699880003", "Yanis",
                "test", "Bonjour ?"));
        var timer = management.createJobQuery().processInstanceId(started.processInstanceId())
                .activityId("timerFirstAnswerOverdue").singleResult();
        management.executeJob(timer.getId());
        Task escalation = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(started.journeyId()))
                .taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER_OVERDUE).singleResult();
        assertThat(escalation).isNotNull();

        assertThat(as("karim-test", Roles.MEDIATORS, () -> tasks.createTaskQuery().taskId(escalation.getId()).count()))
                .as("a mediator searching for it").isZero();
        assertThat(as("lea-test", Roles.PROGRAMME_LEADS, () -> tasks.createTaskQuery().taskId(escalation.getId()).count())).isOne();
        assertThat(as("karim-test", Roles.MEDIATORS, () -> tasks.createTaskQuery().taskId(firstAnswerOf(
                started.processInstanceId()).getId()).count())).as("the first answer itself").isOne();
    }
}
