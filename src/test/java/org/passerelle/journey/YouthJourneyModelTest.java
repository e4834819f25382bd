package org.passerelle.journey;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.journey.YouthJourney.FollowUpSteps;
import org.passerelle.journey.YouthJourney.Messages;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Tracks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/** Every path of youthJourney, with its delegates replaced by mocks and its DMN and called processes by stubs. */
@Deployment(resources = {"processes/youth-journey.bpmn", "processes/first-answer-escalation.bpmn", "processes/programme-parameters.dmn", "model-stubs/youth-segmentation-stub.dmn",
        "model-stubs/mentor-matching-stub.bpmn", "model-stubs/partner-referral-stub.bpmn"})
class YouthJourneyModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final Map<String, JavaDelegate> delegates = new HashMap<>();
    private String nextFollowUpStep = FollowUpSteps.NUDGE;
    private boolean answerPending;
    private int plannedActions = 2;
    private boolean nudgeDelivered = true;

    @BeforeEach
    void registerDelegates() {
        // Several model-test engines live in one JVM: point the assertions at this class's.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        JourneySettings settings = new JourneySettings();
        Mocks.register("journeySettings", settings);
        Mocks.register("programmeParameters", new org.passerelle.programme.ProgrammeParameters(
                engine.getProcessEngine().getDecisionService()));
        stub("sendMediatorAnswer", execution -> execution.removeVariable(Vars.ANSWER_TEXT));
        stub("registerContact", execution -> execution.setVariable(Vars.JOURNEY_ID, 7L));
        stub("recordDiagnostic", execution -> { });
        stub("recordSegmentation", execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> segmentation = (Map<String, Object>) execution.getVariable(Vars.SEGMENTATION);
            execution.setVariable(Vars.TRACK, segmentation.get("track"));
            execution.removeVariable(Vars.SEGMENTATION);
        });
        stub("planActions", execution -> execution.setVariable(Vars.ACTION_COUNT, plannedActions));
        stub("prepareAction", execution -> {
            execution.setVariableLocal(Vars.ACTION_LABEL, "Rédiger le CV");
            execution.setVariableLocal(Vars.ACTION_DUE_DATE, new Date());
        });
        stub("recordActionOutcome", execution -> { });
        stub("scheduleNextNudge", execution -> execution.setVariable(Vars.NEXT_NUDGE_AT,
                new Date(System.currentTimeMillis() + 3L * 24 * 3600 * 1000)));
        stub("decideFollowUp", execution -> execution.setVariable(Vars.FOLLOW_UP_STEP, nextFollowUpStep));
        stub("sendNudge", execution -> execution.setVariable(Vars.NUDGE_DELIVERED, nudgeDelivered));
        stub("recordPhoneCall", execution -> { });
        stub("autoReply", execution -> { });
        stub("loadConversation", execution -> execution.setVariableLocal(Vars.ANSWER_PENDING, answerPending));
        stub("closeJourney", execution -> { });
        // The completion checks have tests of their own; here every answer is valid.
        Mocks.register("checkDiagnostic", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("prefillDiagnostic", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("checkActionPlan", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("loadActionTypeOptions", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private void stub(String beanName, JavaDelegate behaviour) {
        JavaDelegate delegate = mock(JavaDelegate.class, delegatesTo(behaviour));
        delegates.put(beanName, delegate);
        Mocks.register(beanName, delegate);
    }

    private JavaDelegate delegate(String beanName) {
        return delegates.get(beanName);
    }

    private ProcessInstance firstContact() {
        return runtimeService().createMessageCorrelation(Messages.FIRST_CONTACT_RECEIVED)
                .processInstanceBusinessKey("7")
                .setVariables(Variables.createVariables()
                        .putValue(Vars.JOURNEY_ID, 7L)
                        .putValue(Vars.YOUTH_FIRST_NAME, "Neila")
                        .putValue(Vars.CHANNEL, "whatsapp")
                        .putValue(Vars.FIRST_MESSAGE, "Bonjour, je cherche un travail"))
                .correlateStartMessage();
    }

    /** First answer given and sent: the journey splits into support and follow-up. */
    private ProcessInstance answeredJourney() {
        ProcessInstance instance = firstContact();
        complete(task(Tasks.FIRST_ANSWER, instance), withVariables(Vars.ANSWER_TEXT, "Bonjour Neila !"));
        execute(job("taskSendFirstAnswer", instance));
        return instance;
    }

    /** Diagnostic done; the stub DMN returns the track the test asks for. */
    private ProcessInstance diagnosedJourney(String track, boolean consentReferral) {
        ProcessInstance instance = answeredJourney();
        complete(task(Tasks.DIAGNOSTIC, instance), withVariables("testTrack", track,
                Vars.CONSENT_REFERRAL, consentReferral));
        execute(job("taskRecordDiagnostic", instance));
        return instance;
    }

    private void runPlannedActions(ProcessInstance instance) {
        complete(task(Tasks.PLAN_ACTIONS, instance), withVariables(Vars.PLANNED_ACTIONS,
                Variables.objectValue(java.util.List.of("cv", "offresEmploi")).serializationDataFormat("application/json").create()));
        execute(job("taskRecordActionPlan", instance));
        for (var actionTask : taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.RUN_ACTION).list()) {
            complete(actionTask, withVariables(Vars.ACTION_OUTCOME, "realisee"));
        }
        while (jobQuery().processInstanceId(instance.getId()).activityId("taskRecordActionOutcome").count() > 0) {
            execute(jobQuery().processInstanceId(instance.getId()).activityId("taskRecordActionOutcome").list().get(0));
        }
    }

    /** The follow-up timer fires: in the same job the next step is decided (by the stub) and a nudge is sent. */
    private void fireFollowUpTimer(ProcessInstance instance) {
        execute(job("timerNextNudge", instance));
    }

    private void closeJourney(ProcessInstance instance, String outcome) {
        complete(task(Tasks.CLOSE_JOURNEY, instance), withVariables(Vars.OUTCOME, outcome));
        execute(job("taskRecordOutcome", instance));
    }

    @Test
    void firstMessageWaitsForAMediatorsAnswer() throws Exception {
        ProcessInstance instance = firstContact();

        assertThat(instance).isWaitingAt(Tasks.FIRST_ANSWER);
        assertThat(task(Tasks.FIRST_ANSWER, instance)).hasCandidateGroup("mediateurs");
    }

    @Test
    void unansweredFirstMessageEscalatesToProgrammeLeadsAndStaysOpen() throws Exception {
        ProcessInstance instance = firstContact();

        execute(job("timerFirstAnswerOverdue", instance));

        assertThat(instance).isWaitingAt(Tasks.FIRST_ANSWER, Tasks.CALL_FIRST_ANSWER_ESCALATION);
        ProcessInstance escalation = calledProcessInstance(instance);
        assertThat(escalation).isWaitingAt(Tasks.FIRST_ANSWER_OVERDUE);
        org.assertj.core.api.Assertions.assertThat(escalation.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        assertThat(task(Tasks.FIRST_ANSWER_OVERDUE, escalation)).hasCandidateGroup("responsables-programme");
        complete(task(Tasks.FIRST_ANSWER_OVERDUE, escalation));
        assertThat(escalation).isEnded();
        assertThat(instance).hasPassed("endEscalationHandled").isWaitingAt(Tasks.FIRST_ANSWER);
    }

    @Test
    void theMediatorsFirstAnswerClosesTheProgrammeLeadsOpenEscalation() throws Exception {
        ProcessInstance instance = firstContact();
        execute(job("timerFirstAnswerOverdue", instance));
        ProcessInstance escalation = calledProcessInstance(instance);

        complete(task(Tasks.FIRST_ANSWER, instance), withVariables(Vars.ANSWER_TEXT, "Bonjour, je suis Amina, ta médiatrice."));

        assertThat(instance).hasPassed("endFirstAnswerWritten").hasNotPassed("endEscalationHandled")
                .isWaitingAt("taskSendFirstAnswer");
        assertThat(escalation).isEnded();
        org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(escalation.getId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER_OVERDUE).count()).isZero();
    }

    @Test
    void escalationWaitsTheConfiguredDuration() throws Exception {
        ProcessInstance instance = firstContact();

        Date due = job("timerFirstAnswerOverdue", instance).getDuedate();

        long hours = (due.getTime() - System.currentTimeMillis()) / 3_600_000;
        org.assertj.core.api.Assertions.assertThat(hours).isBetween(19L, 20L);
    }

    @Test
    void answerIsSentThenDiagnosticAndFollowUpStart() throws Exception {
        ProcessInstance instance = answeredJourney();

        verify(delegate("sendMediatorAnswer")).execute(any());
        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
        verify(delegate("scheduleNextNudge")).execute(any());
    }

    @Test
    void directContactFromTasklistIsRegisteredAndGoesToDiagnostic() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(YouthJourney.PROCESS_ID,
                withVariables(Vars.YOUTH_FIRST_NAME, "Emma", Vars.CHANNEL, "telephone", Vars.FIRST_MESSAGE, "Je cherche une alternance"));

        verify(delegate("registerContact")).execute(any());
        assertThat(instance).hasPassed("startDirectContact", "taskRegisterContact").hasNotPassed(Tasks.FIRST_ANSWER)
                .isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
    }

    @Test
    void coupDePouceTrackRunsEachActionThenCloses() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.COUP_DE_POUCE, true);
        assertThat(instance).hasPassed("taskSegmentYouth", "taskRecordSegmentation").isWaitingAt(Tasks.PLAN_ACTIONS, "timerNextNudge");

        runPlannedActions(instance);

        verify(delegate("prepareAction"), times(2)).execute(any());
        verify(delegate("recordActionOutcome"), times(2)).execute(any());
        assertThat(instance).hasPassed("gatewayTrackAfterActions").hasNotPassed("callMentorMatching", "callPartnerReferral")
                .isWaitingAt(Tasks.CLOSE_JOURNEY);
        closeJourney(instance, "emploi");
        verify(delegate("closeJourney")).execute(any());
        assertThat(instance).hasPassed("endJourneyClosed").isEnded().variables().containsEntry(Vars.OUTCOME, "emploi");
    }

    @Test
    void actionTasksCarryTheirLabelAndDueDate() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.COUP_DE_POUCE, true);
        complete(task(Tasks.PLAN_ACTIONS, instance), withVariables(Vars.PLANNED_ACTIONS, "cv"));
        execute(job("taskRecordActionPlan", instance));

        var actionTask = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Tasks.RUN_ACTION).list().get(0);
        org.assertj.core.api.Assertions.assertThat(actionTask.getName()).isEqualTo("Action : Rédiger le CV");
        org.assertj.core.api.Assertions.assertThat(actionTask.getDueDate()).isNotNull();
    }

    @Test
    void noActionChosenGoesStraightToClosure() throws Exception {
        plannedActions = 0;
        ProcessInstance instance = diagnosedJourney(Tracks.COUP_DE_POUCE, true);
        complete(task(Tasks.PLAN_ACTIONS, instance));
        execute(job("taskRecordActionPlan", instance));

        verify(delegate("prepareAction"), never()).execute(any());
        assertThat(instance).isWaitingAt(Tasks.CLOSE_JOURNEY);
    }

    @Test
    void mentoratTrackLooksForAMentorAfterTheActions() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.MENTORAT, true);
        runPlannedActions(instance);

        assertThat(instance).isWaitingAt("callMentorMatching");
        ProcessInstance matching = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        assertThat(matching).hasProcessDefinitionKey("mentorMatching").hasBusinessKey("7");
        complete(task(matching));
        assertThat(instance).hasPassed("callMentorMatching").isWaitingAt(Tasks.CLOSE_JOURNEY);
    }

    @Test
    void orientationTrackWithConsentIsReferredToAPartnerAfterTheActions() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.ORIENTATION, true);
        runPlannedActions(instance);

        assertThat(instance).hasPassed("gatewayToReferral", "gatewayReferralConsent").isWaitingAt("callPartnerReferral");
        complete(task(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult()));
        assertThat(instance).isWaitingAt(Tasks.CLOSE_JOURNEY);
    }

    @Test
    void youthWhoRefusesReferralIsNotReferred() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.ORIENTATION, false);
        runPlannedActions(instance);

        assertThat(instance).hasPassed("gatewayReferralConsent").hasNotPassed("callPartnerReferral").isWaitingAt(Tasks.CLOSE_JOURNEY);
    }

    @Test
    void relaisImmediatTrackIsReferredAtOnceWithoutActions() throws Exception {
        ProcessInstance instance = diagnosedJourney(Tracks.RELAIS_IMMEDIAT, true);

        assertThat(instance).hasPassed("gatewayToReferral").hasNotPassed(Tasks.PLAN_ACTIONS).isWaitingAt("callPartnerReferral");
        ProcessInstance referral = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
        assertThat(referral).hasProcessDefinitionKey("partnerReferral").variables()
                .containsEntry(Vars.JOURNEY_ID, 7L).containsEntry(Vars.TRACK, Tracks.RELAIS_IMMEDIAT)
                .containsEntry(Vars.YOUTH_FIRST_NAME, "Neila");
    }

    @Test
    void silentYouthIsNudgedAndTheNextNudgeIsScheduled() throws Exception {
        ProcessInstance instance = answeredJourney();

        fireFollowUpTimer(instance);

        verify(delegate("sendNudge")).execute(any());
        verify(delegate("scheduleNextNudge"), times(2)).execute(any());
        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
    }

    @Test
    void aNudgeTheChannelForbidsBecomesAPhoneCall() throws Exception {
        nudgeDelivered = false;
        ProcessInstance instance = answeredJourney();

        fireFollowUpTimer(instance);

        assertThat(instance).hasPassed("gatewayNudgeDelivered").isWaitingAt(Tasks.DIAGNOSTIC, Tasks.PHONE_FOLLOW_UP);
    }

    @Test
    void nudgeWaitsAgainWhenTheYouthWroteSinceItWasScheduled() throws Exception {
        nextFollowUpStep = FollowUpSteps.WAIT;
        ProcessInstance instance = answeredJourney();

        fireFollowUpTimer(instance);

        verify(delegate("sendNudge"), never()).execute(any());
        verify(delegate("scheduleNextNudge"), times(2)).execute(any());
        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
    }

    @Test
    void unansweredNudgesLeadToAPhoneCall() throws Exception {
        nextFollowUpStep = FollowUpSteps.PHONE_CALL;
        ProcessInstance instance = answeredJourney();

        fireFollowUpTimer(instance);

        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, Tasks.PHONE_FOLLOW_UP);
        complete(task(Tasks.PHONE_FOLLOW_UP, instance), withVariables(Vars.YOUTH_REACHED, true));
        execute(job("taskRecordPhoneCall", instance));
        verify(delegate("recordPhoneCall")).execute(any());
        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
    }

    @Test
    void longSilenceClosesTheWholeJourneyAsSansNouvelles() throws Exception {
        nextFollowUpStep = FollowUpSteps.CLOSE;
        ProcessInstance instance = answeredJourney();

        fireFollowUpTimer(instance);

        assertThat(instance).hasPassed("taskCloseSilentJourney", "endJourneySilent").isEnded();
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(Tasks.DIAGNOSTIC).singleResult().isCanceled()).isTrue();
    }

    @Test
    void youthMessageCreatesAnAnswerTaskAndTheAnswerIsSent() throws Exception {
        ProcessInstance instance = answeredJourney();

        runtimeService().createMessageCorrelation(Messages.YOUTH_MESSAGE_RECEIVED).processInstanceBusinessKey("7").correlateAll();

        assertThat(instance).isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge", Tasks.ANSWER_YOUTH);
        complete(task(Tasks.ANSWER_YOUTH, instance), withVariables(Vars.ANSWER_TEXT, "Super, on en parle demain ?"));
        execute(job("taskSendAnswer", instance));
        verify(delegate("sendMediatorAnswer"), times(2)).execute(any());
        assertThat(instance).hasPassed("endYouthAnswered").isWaitingAt(Tasks.DIAGNOSTIC, "timerNextNudge");
    }

    @Test
    void messageWhileAnAnswerIsPendingOnlyJoinsTheConversation() throws Exception {
        answerPending = true;
        ProcessInstance instance = answeredJourney();

        runtimeService().createMessageCorrelation(Messages.YOUTH_MESSAGE_RECEIVED).processInstanceBusinessKey("7").correlateAll();

        assertThat(instance).hasPassed("endAnswerAlreadyPending").isNotWaitingAt(Tasks.ANSWER_YOUTH);
    }

    private ProcessInstance undeliveredThenReached(String reachedBy, java.util.List<Object> seen) throws Exception {
        ProcessInstance instance = answeredJourney();
        stub("recordPhoneCall", execution -> seen.add(execution.getVariable(Vars.YOUTH_REACHED)));
        runtimeService().createMessageCorrelation(Messages.MESSAGE_UNDELIVERED).processInstanceBusinessKey("7")
                .setVariablesLocal(Map.of(Vars.UNDELIVERED_TEXT, "Bonjour", Vars.UNDELIVERED_REASON, "message impossible à remettre",
                        Vars.OTHER_CONTACTS, "téléphone 0600000000", Vars.UNDELIVERED_DUE, new java.util.Date()))
                .correlateAll();
        assertThat(instance).isWaitingAt(Tasks.REACH_YOUTH_OTHERWISE);
        assertThat(task(Tasks.REACH_YOUTH_OTHERWISE, instance)).hasCandidateGroup("mediateurs");
        complete(task(Tasks.REACH_YOUTH_OTHERWISE, instance), withVariables(Vars.REACHED_BY, reachedBy));
        execute(job("taskRecordReachedOtherwise", instance));
        return instance;
    }

    @Test
    void anUndeliveredMessageAsksTheMediatorToReachTheYouthAnotherWayAndTheJourneyGoesOn() throws Exception {
        java.util.List<Object> seen = new java.util.ArrayList<>();
        ProcessInstance instance = undeliveredThenReached("telephone", seen);

        org.assertj.core.api.Assertions.assertThat(seen).containsExactly(true);
        assertThat(instance).hasPassed("endYouthReachedOtherwise").isNotEnded();
    }

    @Test
    void aYouthNotReachableAnotherWayCountsAsAnUnansweredCall() throws Exception {
        java.util.List<Object> seen = new java.util.ArrayList<>();
        ProcessInstance instance = undeliveredThenReached("injoignable", seen);

        org.assertj.core.api.Assertions.assertThat(seen).containsExactly(false);
        assertThat(instance).isNotEnded();
    }

    @Test
    void aYouthsMessageGetsItsAutomaticAnswerStepWithoutTouchingTheJourney() throws Exception {
        ProcessInstance instance = firstContact();

        runtimeService().createMessageCorrelation(Messages.AUTO_REPLY_REQUESTED).processInstanceBusinessKey("7")
                .setVariablesLocal(Map.of(Vars.AUTO_REPLY_MESSAGE, "C'est gratuit ?", Vars.AUTO_REPLY_FIRST, true)).correlateAll();
        execute(job("taskAutoReply", instance));

        verify(delegate("autoReply")).execute(any());
        assertThat(instance).hasPassed("endAutoReplied").isWaitingAt(Tasks.FIRST_ANSWER);
    }

    @Test
    void optOutStopsEverythingAndClosesTheJourney() throws Exception {
        ProcessInstance instance = answeredJourney();

        runtimeService().createMessageCorrelation(Messages.YOUTH_OPTED_OUT).processInstanceBusinessKey("7").correlateAll();

        verify(delegate("closeJourney")).execute(any());
        assertThat(instance).hasPassed("taskRecordOptOut", "endOptedOut").isEnded();
        org.assertj.core.api.Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void optOutBeforeTheFirstAnswerAlsoStopsEverything() throws Exception {
        ProcessInstance instance = firstContact();

        runtimeService().createMessageCorrelation(Messages.YOUTH_OPTED_OUT).processInstanceBusinessKey("7").correlateAll();

        assertThat(instance).isEnded();
    }
}
