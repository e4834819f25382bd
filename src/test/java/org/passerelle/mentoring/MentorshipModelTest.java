package org.passerelle.mentoring;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
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
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.mentoring.MentorshipProcess.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/** Every path of a mentorship: check-ins at the programme's cadence, silence, an early end by either side, the term. */
@Deployment(resources = {"processes/mentorship.bpmn", "processes/programme-parameters.dmn"})
class MentorshipModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final List<Integer> silences = new ArrayList<>(List.of(0, 1, 2));
    private final List<String> closings = new ArrayList<>();
    private final JavaDelegate introduce = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.MENTORSHIP_ID, 9L)));
    private final JavaDelegate askCheckIn = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            e.setVariable(Vars.SILENT_CHECK_INS, silences.isEmpty() ? 0 : silences.remove(0))));
    private final JavaDelegate close = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            closings.add(e.getVariable(Vars.OUTCOME) + "/" + e.getVariable(Vars.ENDED_BY))));

    @BeforeEach
    void registerDelegates() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("programmeParameters", new org.passerelle.programme.ProgrammeParameters(
                engine.getProcessEngine().getDecisionService()));
        Mocks.register("introduceMentorship", introduce);
        Mocks.register("askMentorshipCheckIn", askCheckIn);
        Mocks.register("closeMentorship", close);
    }

    @AfterEach
    void resetMocks() throws Exception {
        Mocks.reset();
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(MentorshipProcess.PROCESS_ID, "7",
                withVariables("journeyId", 7L, "mentorMatchId", 40L, "youthFirstName", "Inès"));
        execute(job("taskIntroduceMentorship", instance));
        return instance;
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    }

    private static Duration fromNow(Job job) {
        return Duration.between(ClockUtil.getCurrentTime().toInstant(), job.getDuedate().toInstant());
    }

    @Test
    void checkInsComeAtTheProgrammesCadence() throws Exception {
        ProcessInstance instance = start();
        verify(introduce).execute(any());
        Job first = timer(instance, "timerFirstCheckIn");
        org.assertj.core.api.Assertions.assertThat(fromNow(first)).isCloseTo(Duration.ofDays(14), Duration.ofMinutes(1));
        org.assertj.core.api.Assertions.assertThat(fromNow(timer(instance, "startMentorshipTerm")))
                .isCloseTo(Duration.ofDays(180), Duration.ofMinutes(1));

        execute(first);
        execute(job("taskAskCheckIn", instance));

        Job next = timer(instance, "timerNextCheckIn");
        org.assertj.core.api.Assertions.assertThat(fromNow(next)).isCloseTo(Duration.ofDays(30), Duration.ofMinutes(1));
        execute(next);
        execute(job("taskAskCheckIn", instance));
        verify(askCheckIn, times(2)).execute(any());
        assertThat(instance).isWaitingAt("timerNextCheckIn");
    }

    @Test
    void aMentorshipNobodyAnswersClosesWithoutNews() throws Exception {
        ProcessInstance instance = start();
        execute(timer(instance, "timerFirstCheckIn"));
        execute(job("taskAskCheckIn", instance));
        execute(timer(instance, "timerNextCheckIn"));
        execute(job("taskAskCheckIn", instance));
        execute(timer(instance, "timerNextCheckIn"));
        execute(job("taskAskCheckIn", instance));

        execute(job("taskCloseSilent", instance));

        assertThat(instance).hasPassed("endMentorshipSilent").isEnded();
        org.assertj.core.api.Assertions.assertThat(closings).containsExactly("sansNouvelles/PASSERELLE");
    }

    @Test
    void theMentorEndsItWithAnOutcome() throws Exception {
        ProcessInstance instance = start();

        runtimeService().createMessageCorrelation(MentorshipProcess.Messages.ENDED).processInstanceId(instance.getId())
                .setVariables(Variables.createVariables().putValue(Vars.OUTCOME, "stage").putValue(Vars.ENDED_BY, "MENTOR")).correlate();
        execute(job("taskCloseEnded", instance));

        assertThat(instance).hasPassed("endMentorshipEnded").isEnded();
        org.assertj.core.api.Assertions.assertThat(closings).containsExactly("stage/MENTOR");
    }

    @Test
    void theYouthEndsItBetweenTwoCheckIns() throws Exception {
        ProcessInstance instance = start();
        execute(timer(instance, "timerFirstCheckIn"));
        execute(job("taskAskCheckIn", instance));

        runtimeService().createMessageCorrelation(MentorshipProcess.Messages.ENDED).processInstanceId(instance.getId())
                .setVariables(Variables.createVariables().putValue(Vars.OUTCOME, "abandon").putValue(Vars.ENDED_BY, "YOUTH")).correlate();
        execute(job("taskCloseEnded", instance));

        assertThat(instance).isEnded();
        org.assertj.core.api.Assertions.assertThat(closings).containsExactly("abandon/YOUTH");
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void atItsTermTheMediatorRecordsTheOutcome() throws Exception {
        ProcessInstance instance = start();

        execute(timer(instance, "startMentorshipTerm"));

        assertThat(instance).isWaitingAt(MentorshipProcess.Tasks.RECORD_OUTCOME);
        assertThat(task(instance)).hasCandidateGroup("mediateurs");
        complete(task(instance), withVariables(Vars.OUTCOME, "emploi"));
        execute(job("taskCloseAtTerm", instance));
        assertThat(instance).hasPassed("endMentorshipTerm").isEnded();
        org.assertj.core.api.Assertions.assertThat(closings).containsExactly("emploi/MEDIATOR");
    }
}
