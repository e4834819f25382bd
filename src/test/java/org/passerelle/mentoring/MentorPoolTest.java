package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Choice;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** mentorMatching against the database: sector first, a refusing mentor is not proposed again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorPoolTest {

    @Autowired MentorPool pool;
    @Autowired MentorRepository mentors;
    @Autowired MentorMatchRepository matches;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    private Journey journeyOfAYouthInto(String sector, String externalId) {
        Youth youth = new Youth("whatsapp", externalId, "Lucas", null, Instant.now());
        youth.setHasProject(true);
        youth.setProjectSector(sector);
        youths.save(youth);
        return journeys.save(new Journey(youth, Instant.now()));
    }

    private void step(String instanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId)
                .activityId(activityId).singleResult().getId());
    }

    @Test
    void mentorsOfTheYouthsSectorComeFirstAndARefusingMentorIsNotProposedAgain() {
        Mentor health = mentors.save(new Mentor("Fatou", "Pool", "Hôpital", "sante", "f@example.org"));
        Mentor digital = mentors.save(new Mentor("Julien", "Pool", "Éditeur", "numerique", "j@example.org"));
        Journey journey = journeyOfAYouthInto("numerique", "mentor-pool-1");

        var instance = runtimeService.startProcessInstanceByKey(MentorMatching.PROCESS_ID, Map.of("journeyId", journey.getId()));
        var first = pool.options(journey.getId());
        assertThat(first.stream().map(Choice::value).filter(v -> v.equals(digital.getId().toString()) || v.equals(health.getId().toString())))
                .containsExactly(digital.getId().toString(), health.getId().toString());
        assertThat(first.get(first.size() - 1).value()).isEqualTo(MentorMatching.Values.NONE);

        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of(MentorMatching.Vars.MENTOR_ID, digital.getId().toString()));
        step(instance.getId(), "taskRecordMentorProposal");
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of(MentorMatching.Vars.MENTOR_ANSWER, MentorMatching.Values.REFUSED, MentorMatching.Vars.MENTOR_COMMENT, "Pas disponible"));
        step(instance.getId(), "taskSaveMentorAnswer");

        assertThat(matches.findByJourneyId(journey.getId())).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(MentorMatch.Status.REFUSED));
        var again = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(again.getTaskDefinitionKey()).isEqualTo("taskProposeMentor");
        assertThat(taskService.getVariable(again.getId(), MentorMatching.Vars.MENTOR_OPTIONS).toString())
                .doesNotContain("Julien Pool").contains("Fatou Pool");
    }

    @Test
    void anUnknownMentorIsRefused() {
        Journey journey = journeyOfAYouthInto("btp", "mentor-pool-2");

        assertThatThrownBy(() -> pool.propose(journey.getId(), 999_999L)).hasMessageContaining("Mentor inconnu");
    }
}
