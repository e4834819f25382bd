package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.within;
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
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.passerelle.mentoring.MentorMatching.Messages;
import org.passerelle.mentoring.MentorMatching.Values;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/** Every path of mentorMatching: accept, decline, reminder then answer, expiry, nobody available, mentor gone. */
@Deployment(resources = {"processes/mentor-matching.bpmn", "processes/mentorship.bpmn", "processes/programme-parameters.dmn"})
class MentorMatchingModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final List<Boolean> widenedRuns = new ArrayList<>();
    private final JavaDelegate rank = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        widenedRuns.add(Values.WIDEN.equals(e.getVariable(Vars.MENTOR_DECISION)));
        e.setVariable(Vars.OUTCOME, Values.NO_MENTOR);
    }));
    private long nextMatch = 40;
    private final JavaDelegate send = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.MENTOR_MATCH_ID, nextMatch++)));
    private final JavaDelegate remind = mock(JavaDelegate.class);
    private final JavaDelegate expire = mock(JavaDelegate.class);
    private final JavaDelegate introduce = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            e.setVariable(MentorshipProcess.Vars.MENTORSHIP_ID, 9L)));
    private final JavaDelegate askCheckIn = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            e.setVariable(MentorshipProcess.Vars.SILENT_CHECK_INS, 0)));
    private final JavaDelegate close = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() throws Exception {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("programmeParameters", new org.passerelle.programme.ProgrammeParameters(
                engine.getProcessEngine().getDecisionService()));
        Mocks.register("rankMentors", rank);
        Mocks.register("sendMentorProposal", send);
        Mocks.register("remindMentor", remind);
        Mocks.register("expireMentorProposal", expire);
        Mocks.register("introduceMentorship", introduce);
        Mocks.register("askMentorshipCheckIn", askCheckIn);
        Mocks.register("closeMentorship", close);
        Mocks.register("checkMentorChoice", mock(org.camunda.bpm.engine.delegate.TaskListener.class));
    }

    @AfterEach
    void resetMocks() throws Exception {
        Mocks.reset();
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(MentorMatching.PROCESS_ID, "7",
                withVariables("journeyId", 7L, "youthFirstName", "Inès"));
        execute(job("taskRankMentors", instance));
        return instance;
    }

    private void choose(ProcessInstance instance, String mentorId) {
        complete(task(MentorMatching.Tasks.CHOOSE_MENTOR, instance), withVariables(Vars.MENTOR_ID, mentorId, Vars.YOUTH_CONSENT, true));
        if (!Values.NONE.equals(mentorId)) {
            execute(job("taskSendMentorProposal", instance));
        }
    }

    private void mentorAnswers(ProcessInstance instance, String answer) {
        runtimeService().createMessageCorrelation(Messages.MENTOR_ANSWERED).processInstanceId(instance.getId())
                .setVariable(Vars.MENTOR_ANSWER, answer).correlate();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    }

    private ProcessInstance mentorship(ProcessInstance matching) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(matching.getId()).singleResult();
    }

    private void mentorshipEnds(ProcessInstance mentorship, String outcome) {
        execute(job("taskIntroduceMentorship", mentorship));
        runtimeService().createMessageCorrelation(MentorshipProcess.Messages.ENDED).processInstanceId(mentorship.getId())
                .setVariables(Variables.createVariables().putValue(MentorshipProcess.Vars.OUTCOME, outcome)
                        .putValue(MentorshipProcess.Vars.ENDED_BY, "MENTOR")).correlate();
        execute(job("taskCloseEnded", mentorship));
    }

    @Test
    void theMediatorChoosesAmongTheRankedMentors() throws Exception {
        ProcessInstance instance = start();

        verify(rank).execute(any());
        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
        assertThat(task(instance)).hasCandidateGroup("mediateurs");
    }

    @Test
    void aMentorWhoAcceptsStartsTheMentorshipAndTheSearchEndsWithIt() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");
        assertThat(instance).isWaitingAt("eventGatewayMentorAnswer");

        mentorAnswers(instance, Values.ACCEPTED);

        ProcessInstance mentorship = mentorship(instance);
        assertThat(mentorship).isNotNull();
        assertThat(instance).isWaitingAt("callMentorship");
        mentorshipEnds(mentorship, "alternance");
        assertThat(instance).hasPassed("endMentorFound").isEnded().variables()
                .containsEntry(Vars.OUTCOME, Values.MATCHED).containsEntry(MentorshipProcess.Vars.OUTCOME, "alternance");
    }

    @Test
    void aMentorWhoDeclinesLeadsToTheNextProposal() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");

        mentorAnswers(instance, Values.REFUSED);

        execute(job("taskRankMentors", instance));
        verify(rank, times(2)).execute(any());
        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
    }

    @Test
    void aSilentMentorIsRemindedOnceAndMayStillAccept() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");
        Job reminder = timer(instance, "timerMentorReminder");
        org.assertj.core.api.Assertions.assertThat(Duration.between(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                reminder.getDuedate().toInstant())).isCloseTo(Duration.ofDays(4), Duration.ofMinutes(1));

        execute(reminder);
        execute(job("taskRemindMentor", instance));
        verify(remind).execute(any());
        assertThat(instance).isWaitingAt("eventGatewayAfterReminder");
        mentorAnswers(instance, Values.ACCEPTED);

        assertThat(instance).isWaitingAt("callMentorship");
        verify(expire, never()).execute(any());
    }

    @Test
    void noAnswerAfterTheReminderExpiresTheProposalAndTheMediatorProposesAnother() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");
        execute(timer(instance, "timerMentorReminder"));
        execute(job("taskRemindMentor", instance));
        Job expiry = timer(instance, "timerMentorAnswerExpiry");
        org.assertj.core.api.Assertions.assertThat(Duration.between(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                expiry.getDuedate().toInstant())).isCloseTo(Duration.ofDays(3), Duration.ofMinutes(1));

        execute(expiry);
        execute(job("taskExpireMentorProposal", instance));
        execute(job("taskRankMentors", instance));

        verify(expire).execute(any());
        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
    }

    @Test
    void aMentorWhoLeavesBeforeAnsweringLeadsToTheNextProposal() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");

        mentorAnswers(instance, Values.WITHDRAWN);
        execute(job("taskRankMentors", instance));

        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
    }

    @Test
    void nobodyAvailableAndAnotherTrackEndsWithoutMentor() throws Exception {
        ProcessInstance instance = start();
        choose(instance, Values.NONE);
        assertThat(instance).isWaitingAt(MentorMatching.Tasks.DECIDE_WITHOUT_MENTOR);
        assertThat(task(instance)).hasCandidateGroup("mediateurs");

        complete(task(instance), withVariables(Vars.MENTOR_DECISION, Values.OTHER_TRACK));

        verify(send, never()).execute(any());
        assertThat(instance).hasPassed("endNoMentor").isEnded().variables().containsEntry(Vars.OUTCOME, Values.NO_MENTOR);
    }

    @Test
    void nobodyAvailableAndWaitingSearchesAgainLater() throws Exception {
        ProcessInstance instance = start();
        choose(instance, Values.NONE);
        complete(task(instance), withVariables(Vars.MENTOR_DECISION, Values.WAIT));
        Job wait = timer(instance, "timerWaitForMentors");
        org.assertj.core.api.Assertions.assertThat(Duration.between(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                wait.getDuedate().toInstant())).isCloseTo(Duration.ofDays(14), Duration.ofMinutes(1));

        execute(wait);
        execute(job("taskRankMentors", instance));

        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
        org.assertj.core.api.Assertions.assertThat(widenedRuns).containsExactly(false, false);
    }

    @Test
    void wideningSearchesAgainAtOnceWithoutTheSectorAndTerritory() throws Exception {
        ProcessInstance instance = start();
        choose(instance, Values.NONE);

        complete(task(instance), withVariables(Vars.MENTOR_DECISION, Values.WIDEN));
        execute(job("taskRankMentors", instance));

        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
        org.assertj.core.api.Assertions.assertThat(widenedRuns).containsExactly(false, true);
    }

    @Test
    void aMentorWhoLeavesDuringTheMentorshipLeadsToAnotherMentor() throws Exception {
        ProcessInstance instance = start();
        choose(instance, "12");
        mentorAnswers(instance, Values.ACCEPTED);

        mentorshipEnds(mentorship(instance), "mentorParti");
        execute(job("taskRankMentors", instance));

        assertThat(instance).isWaitingAt(MentorMatching.Tasks.CHOOSE_MENTOR);
        verify(rank, times(2)).execute(any());
    }
}
