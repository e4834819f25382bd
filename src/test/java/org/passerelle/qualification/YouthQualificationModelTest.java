package org.passerelle.qualification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.qualification.YouthQualification.Replies;
import org.passerelle.qualification.YouthQualification.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/** Every path of the guided first questions: all answered, a reminder then answers, silence, a person asked for, no thanks. */
@Deployment(resources = {"processes/youth-qualification.bpmn", "processes/programme-parameters.dmn"})
class YouthQualificationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    /** Three questions, then none left. */
    private final List<String> asked = new ArrayList<>();
    private final List<String> replies = new ArrayList<>();
    private final JavaDelegate ask = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        boolean again = Replies.NOT_UNDERSTOOD.equals(e.getVariable(Vars.REPLY)) && !Integer.valueOf(1).equals(e.getVariable(Vars.ATTEMPTS))
                || Replies.FREQUENT_QUESTION.equals(e.getVariable(Vars.REPLY));
        String next = again ? (String) e.getVariable(Vars.QUESTION) : List.of("accord", "age", "departement", "")
                .get(Math.min(asked.stream().distinct().toList().size(), 3));
        e.setVariable(Vars.ATTEMPTS, again ? 1 : 0);
        e.setVariable(Vars.DONE, next.isEmpty());
        if (!next.isEmpty()) {
            asked.add(next);
            e.setVariable(Vars.QUESTION, next);
        }
        e.setVariable(Vars.REPLY, null);
    }));
    private final JavaDelegate read = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.REPLY, replies.remove(0))));
    private final JavaDelegate nudge = mock(JavaDelegate.class);
    private final JavaDelegate finish = mock(JavaDelegate.class);
    private final JavaDelegate handOver = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("programmeParameters", new org.passerelle.programme.ProgrammeParameters(
                engine.getProcessEngine().getDecisionService()));
        Mocks.register("askQualificationQuestion", ask);
        Mocks.register("readQualificationReply", read);
        Mocks.register("nudgeQualification", nudge);
        Mocks.register("finishQualification", finish);
        Mocks.register("handOverQualification", handOver);
    }

    @AfterEach
    void resetMocks() throws Exception {
        Mocks.reset();
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(YouthQualification.PROCESS_ID, "7", withVariables(Vars.JOURNEY_ID, 7L));
        execute(job("taskAskQuestion", instance));
        return instance;
    }

    private void youthReplies(ProcessInstance instance, String howItReads) {
        replies.add(howItReads);
        runtimeService().createMessageCorrelation("YouthMessageReceived").processInstanceBusinessKey("7").correlateAll();
        execute(job("taskReadReply", instance));
        if (!runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).list().isEmpty()
                && managementService().createJobQuery().processInstanceId(instance.getId()).activityId("taskAskQuestion").count() > 0) {
            execute(job("taskAskQuestion", instance));
        }
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    }

    @Test
    void aYouthWhoAnswersEveryQuestionIsThankedAndTheMediatorGetsTheAnswers() throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("eventGatewayReply");

        youthReplies(instance, Replies.UNDERSTOOD);
        youthReplies(instance, Replies.UNDERSTOOD);
        youthReplies(instance, Replies.UNDERSTOOD);
        execute(job("taskFinishQualification", instance));

        assertThat(instance).hasPassed("endQualified").isEnded();
        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord", "age", "departement");
        verify(finish).execute(any());
        verify(handOver, never()).execute(any());
    }

    @Test
    void aReplyNotUnderstoodIsAskedAgainOnceThenTheNextQuestionComes() throws Exception {
        ProcessInstance instance = start();
        youthReplies(instance, Replies.UNDERSTOOD);

        youthReplies(instance, Replies.NOT_UNDERSTOOD);
        youthReplies(instance, Replies.NOT_UNDERSTOOD);

        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord", "age", "age", "departement");
        assertThat(instance).isWaitingAt("eventGatewayReply");
    }

    @Test
    void aSilentYouthIsRemindedOnceAndMayGoOn() throws Exception {
        ProcessInstance instance = start();
        Job reminder = timer(instance, "timerNoReply");
        org.assertj.core.api.Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), reminder.getDuedate().toInstant()))
                .isCloseTo(Duration.ofHours(3), Duration.ofMinutes(1));

        execute(reminder);
        execute(job("taskNudgeYouth", instance));
        youthReplies(instance, Replies.UNDERSTOOD);

        verify(nudge).execute(any());
        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord", "age");
        assertThat(instance).isWaitingAt("eventGatewayReply");
    }

    @Test
    void aYouthSilentAfterTheReminderIsHandedToTheMediator() throws Exception {
        ProcessInstance instance = start();
        youthReplies(instance, Replies.UNDERSTOOD);
        execute(timer(instance, "timerNoReply"));
        execute(job("taskNudgeYouth", instance));
        Job giveUp = timer(instance, "timerGiveUp");
        org.assertj.core.api.Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), giveUp.getDuedate().toInstant()))
                .isCloseTo(Duration.ofHours(20), Duration.ofMinutes(1));

        execute(giveUp);
        execute(job("taskHandOver", instance));

        assertThat(instance).hasPassed("endHandedOver").isEnded();
        verify(finish, never()).execute(any());
    }

    @Test
    void askingForAPersonHandsOverAtOnce() throws Exception {
        ProcessInstance instance = start();
        youthReplies(instance, Replies.UNDERSTOOD);

        youthReplies(instance, Replies.HUMAN);
        execute(job("taskHandOver", instance));

        assertThat(instance).hasPassed("endHandedOver").isEnded();
        verify(read, times(2)).execute(any());
    }

    @Test
    void aYouthWhoWouldRatherNotAnswerIsLeftToTheMediator() throws Exception {
        ProcessInstance instance = start();

        youthReplies(instance, Replies.DECLINED);
        execute(job("taskHandOver", instance));

        assertThat(instance).hasPassed("endHandedOver").isEnded();
        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord");
    }

    @Test
    void aFrequentQuestionAtNightBringsTheSameQuestionBackWithoutUsingAnAttempt() throws Exception {
        ProcessInstance instance = start();
        youthReplies(instance, Replies.UNDERSTOOD);

        youthReplies(instance, Replies.FREQUENT_QUESTION);
        youthReplies(instance, Replies.FREQUENT_QUESTION);
        youthReplies(instance, Replies.UNDERSTOOD);

        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord", "age", "age", "age", "departement");
        assertThat(instance).isWaitingAt("eventGatewayReply");
        verify(handOver, never()).execute(any());
    }

    @Test
    void aConversationStoppedOrClosedEndsTheQuestionsWithTheMediator() throws Exception {
        ProcessInstance instance = start();
        youthReplies(instance, Replies.UNDERSTOOD);

        youthReplies(instance, Replies.STOPPED);
        execute(job("taskHandOver", instance));

        assertThat(instance).hasPassed("gatewayHandOver", "endHandedOver").isEnded();
        org.assertj.core.api.Assertions.assertThat(asked).containsExactly("accord", "age");
        verify(finish, never()).execute(any());
    }
}
