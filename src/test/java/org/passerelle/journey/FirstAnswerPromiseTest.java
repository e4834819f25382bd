package org.passerelle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.security.seeding.IdentitySeeder;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The 24-hour promise in sight: a first message's task is due 24 h after it arrived, then shows as late. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FirstAnswerPromiseTest {

    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void theFirstAnswerIsDueIn24HoursAndThenLateForMediatorsAndLeads() {
        Instant arrived = Instant.now();
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "promise-1", "Noé", "tiktok", "Bonjour"));
        Task task = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();

        assertThat(task.getDueDate()).isCloseTo(Date.from(arrived.plus(Duration.ofHours(24))), 60_000);
        String journey = started.processInstanceId();
        assertThat(lateFor("promiseMediator", Roles.MEDIATORS, IdentitySeeder.FILTER_OVERDUE, journey)).isZero();

        ClockUtil.setCurrentTime(Date.from(arrived.plus(Duration.ofHours(25))));

        assertThat(lateFor("promiseMediator", Roles.MEDIATORS, IdentitySeeder.FILTER_OVERDUE, journey)).isOne();
        assertThat(lateFor("promiseLead", Roles.PROGRAMME_LEADS, IdentitySeeder.FILTER_LATE_FIRST_ANSWERS, journey)).isOne();
    }

    /** This journey's tasks the filter lists (other test classes share the database). */
    private long lateFor(String user, String group, String filterName, String processInstanceId) {
        TestUsers.ensure(identity, user, group);
        identity.setAuthentication(user, java.util.List.of(group));
        try {
            String filterId = filterService.createFilterQuery().filterName(filterName).singleResult().getId();
            return filterService.<Task>list(filterId).stream().filter(t -> processInstanceId.equals(t.getProcessInstanceId())).count();
        } finally {
            identity.clearAuthentication();
        }
    }
}
