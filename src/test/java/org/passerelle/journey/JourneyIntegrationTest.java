package org.passerelle.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.channels.ConversationMessage;
import org.passerelle.channels.ConversationMessage.Direction;
import org.passerelle.channels.ConversationMessage.Kind;
import org.passerelle.channels.ConversationMessageRepository;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The journey with its real delegates and database: what a mediator and a youth see happen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JourneyIntegrationTest {

    @Autowired JourneyGateway gateway;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JourneyRepository journeys;
    @Autowired YouthRepository youths;
    @Autowired ConversationMessageRepository messages;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private JourneyGateway.Started contact(String externalId) {
        return gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Neila", "tiktok-automne",
                "Bonjour, je cherche un travail"));
    }

    private Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private void executeJob(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private JourneyGateway.Started answered(String externalId) {
        var started = contact(externalId);
        taskService.complete(task(started.processInstanceId(), Tasks.FIRST_ANSWER).getId(),
                java.util.Map.of(Vars.ANSWER_TEXT, "Bonjour Neila, je suis Amina, ta médiatrice."));
        executeJob(started.processInstanceId(), "taskSendFirstAnswer");
        return started;
    }

    private List<ConversationMessage> conversation(Long journeyId) {
        return messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyId);
    }

    @Test
    void firstContactOpensAJourneyWithTheYouthsMessageForTheMediator() {
        var started = contact("wa-first-1");

        Task firstAnswer = task(started.processInstanceId(), Tasks.FIRST_ANSWER);
        assertThat(firstAnswer).isNotNull();
        assertThat(taskService.getVariable(firstAnswer.getId(), Vars.FIRST_MESSAGE)).isEqualTo("Bonjour, je cherche un travail");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(started.journeyId().toString()).count()).isOne();
        assertThat(conversation(started.journeyId())).extracting(ConversationMessage::getKind).containsExactly(Kind.FIRST_CONTACT);
    }

    @Test
    void theMediatorsAnswerGoesThroughTheOutboxAndTheNextFormStartsEmpty() {
        var started = answered("wa-answer-1");

        assertThat(conversation(started.journeyId())).last().satisfies(m -> {
            assertThat(m.getDirection()).isEqualTo(Direction.OUT);
            assertThat(m.getKind()).isEqualTo(Kind.ANSWER);
            assertThat(m.getStatus()).isEqualTo(ConversationMessage.Status.SENT);
            assertThat(m.getBody()).startsWith("Bonjour Neila");
        });
        assertThat(runtimeService.getVariable(started.processInstanceId(), Vars.ANSWER_TEXT)).isNull();
        assertThat(task(started.processInstanceId(), Tasks.DIAGNOSTIC)).isNotNull();
    }

    @Test
    void aSilentYouthIsNudgedByFirstNameAtTheDueDate() {
        var started = answered("wa-nudge-1");
        Date nudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        assertThat(Duration.between(new Date().toInstant(), nudgeAt.toInstant()).toDays()).isBetween(2L, 4L);

        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        executeJob(started.processInstanceId(), "timerNextNudge");
        executeJob(started.processInstanceId(), "taskDecideFollowUp");

        assertThat(conversation(started.journeyId())).last().satisfies(m -> {
            assertThat(m.getKind()).isEqualTo(Kind.NUDGE);
            assertThat(m.getBody()).contains("Neila");
        });
        Journey journey = journeys.findById(started.journeyId()).orElseThrow();
        assertThat(journey.getUnansweredNudges()).isOne();
        Date secondNudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        assertThat(secondNudgeAt).isAfter(nudgeAt);
    }

    @Test
    void aReplyResetsTheSilenceAndGivesTheMediatorTheConversation() {
        var started = answered("wa-reply-1");
        Date nudgeAt = (Date) runtimeService.getVariable(started.processInstanceId(), Vars.NEXT_NUDGE_AT);
        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        executeJob(started.processInstanceId(), "timerNextNudge");
        executeJob(started.processInstanceId(), "taskDecideFollowUp");

        gateway.youthWrote(started.journeyId(), "Oui j'ai fait mon CV !");

        assertThat(journeys.findById(started.journeyId()).orElseThrow().getUnansweredNudges()).isZero();
        Task answer = task(started.processInstanceId(), Tasks.ANSWER_YOUTH);
        String shown = (String) taskService.getVariable(answer.getId(), Vars.CONVERSATION);
        assertThat(shown).contains("Jeune : Bonjour, je cherche un travail", "Médiateur : Bonjour Neila",
                "Jeune : Oui j'ai fait mon CV !");

        gateway.youthWrote(started.journeyId(), "Tu es là ?");
        assertThat(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.ANSWER_YOUTH).count()).as("one answer task for both messages").isOne();

        taskService.complete(answer.getId(), java.util.Map.of(Vars.ANSWER_TEXT, "Bravo ! Envoie-le moi."));
        executeJob(started.processInstanceId(), "taskSendAnswer");
        assertThat(conversation(started.journeyId())).last().extracting(ConversationMessage::getBody).isEqualTo("Bravo ! Envoie-le moi.");
    }

    @Test
    void stopEndsTheJourneyAndAllNudgesAtOnce() {
        var started = answered("wa-stop-1");

        gateway.youthOptedOut(started.journeyId());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        Journey journey = journeys.findById(started.journeyId()).orElseThrow();
        assertThat(journey.getStatus()).isEqualTo(Journey.Status.CLOSED);
        assertThat(journey.getOutcome()).isEqualTo(YouthJourney.Outcomes.REFUS);
        assertThat(youths.findById(journey.getYouth().getId()).orElseThrow().getOptedOutAt()).isNotNull();
    }

    @Test
    void aPhoneContactStartedFromTasklistOpensAJourney() {
        var instance = runtimeService.startProcessInstanceByKey(YouthJourney.PROCESS_ID, java.util.Map.of(
                Vars.YOUTH_FIRST_NAME, "Emma", Vars.CHANNEL, "telephone", Vars.FIRST_MESSAGE, "Je cherche une alternance"));

        Long journeyId = (Long) runtimeService.getVariable(instance.getId(), Vars.JOURNEY_ID);
        Journey journey = journeys.findById(journeyId).orElseThrow();
        assertThat(journey.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey())
                .isEqualTo(journeyId.toString());
        assertThat(task(instance.getId(), Tasks.DIAGNOSTIC)).isNotNull();
        assertThat(task(instance.getId(), Tasks.FIRST_ANSWER)).isNull();
    }

    @Test
    void theSameContactTwiceGivesTheSameJourney() {
        var first = contact("wa-twice-1");
        var second = contact("wa-twice-1");

        assertThat(second.journeyId()).isEqualTo(first.journeyId());
        assertThat(second.created()).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(first.journeyId().toString()).count()).isOne();
    }
}
