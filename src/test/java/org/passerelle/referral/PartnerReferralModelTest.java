package org.passerelle.referral;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.referral.PartnerReferral.Values;
import org.passerelle.referral.PartnerReferral.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/** Every path of partnerReferral: accept, no-show, refuse → next, reminders, expiry, no partner. */
@Deployment(resources = {"processes/partner-referral.bpmn", "processes/programme-parameters.dmn"})
class PartnerReferralModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate loadOptions = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        e.setVariable(Vars.AUTOMATIC_REFERRAL, false);
        if (e.getVariable(Vars.OUTCOME) == null) {
            e.setVariable(Vars.OUTCOME, Values.NO_PARTNER);
        }
    }));
    /** Partner "99" has no email address: the mediator refers by phone. */
    private final JavaDelegate sendReferral = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        e.setVariable(Vars.REFERRAL_ID, 3L);
        e.setVariable(Vars.REFERRAL_BY_EMAIL, !"99".equals(e.getVariable(Vars.PARTNER_ID)));
    }));
    private final TaskListener checkDirectReferral = mock(TaskListener.class);
    private final JavaDelegate recordAnswer = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            e.setVariable(Vars.OUTCOME, Values.ACCEPTED.equals(e.getVariable(Vars.PARTNER_ANSWER))
                    ? Values.ACCEPTED_OUTCOME : Values.REFUSED_OUTCOME)));
    private final JavaDelegate remind = mock(JavaDelegate.class);
    private final JavaDelegate expire = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.OUTCOME, Values.EXPIRED_OUTCOME)));
    private final JavaDelegate notifyYouth = mock(JavaDelegate.class);
    private final JavaDelegate recordAttendance = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.OUTCOME,
            "true".equals(String.valueOf(e.getVariable(Vars.YOUTH_ATTENDED))) ? Values.ACCEPTED_OUTCOME : Values.NO_SHOW_OUTCOME)));

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("programmeParameters", new org.passerelle.programme.ProgrammeParameters(
                engine.getProcessEngine().getDecisionService()));
        Mocks.register("loadPartnerOptions", loadOptions);
        Mocks.register("sendReferral", sendReferral);
        Mocks.register("recordPartnerAnswer", recordAnswer);
        Mocks.register("remindPartner", remind);
        Mocks.register("expireReferral", expire);
        Mocks.register("notifyYouthOfAppointment", notifyYouth);
        Mocks.register("recordAttendance", recordAttendance);
        Mocks.register("checkDirectReferral", checkDirectReferral);
        Mocks.register("proposePartnerToYouth", proposeToYouth);
        Mocks.register("readYouthReferralAnswer", readYouthAnswer);
    }

    private final JavaDelegate proposeToYouth = mock(JavaDelegate.class);
    private boolean youthSaysYes;
    private final JavaDelegate readYouthAnswer = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        e.setVariable(Vars.YOUTH_ACCEPTS, youthSaysYes);
        if (youthSaysYes) {
            e.setVariable(Vars.PARTNER_ID, e.getVariable(Vars.AUTOMATIC_PARTNER_ID));
        }
    }));

    /** "Orientation automatique" said yes: the first ranked partner is proposed to the youth. */
    private ProcessInstance startAutomatic() {
        ProcessInstance instance = runtimeService().createProcessInstanceByKey(PartnerReferral.PROCESS_ID).businessKey("7")
                .setVariables(withVariables("journeyId", 7L)).startBeforeActivity("gatewayAutomaticReferral")
                .setVariables(withVariables(Vars.AUTOMATIC_REFERRAL, true, Vars.AUTOMATIC_PARTNER_ID, "12", Vars.OUTCOME, Values.NO_PARTNER))
                .execute();
        execute(job("taskProposePartnerToYouth", instance));
        return instance;
    }

    private void youthAnswers(ProcessInstance instance, boolean yes) {
        youthSaysYes = yes;
        runtimeService().createMessageCorrelation("YouthMessageReceived").processInstanceBusinessKey("7").correlateAll();
        execute(job("taskReadYouthAnswer", instance));
    }

    @Test
    void aPartnerProposedToTheYouthIsReferredOnTheirYesWithoutAMediator() throws Exception {
        ProcessInstance instance = startAutomatic();
        verify(proposeToYouth).execute(any());
        assertThat(instance).isWaitingAt(PartnerReferral.Tasks.FOLLOW_AUTOMATIC);
        assertThat(task(instance)).hasCandidateGroup("mediateurs");

        youthAnswers(instance, true);

        assertThat(instance).isWaitingAt("taskSendReferral");
        execute(job("taskSendReferral", instance));
        assertThat(instance).isWaitingAt("taskAwaitPartnerAnswer").variables().containsEntry(Vars.PARTNER_ID, "12");
    }

    @Test
    void aYouthWhoSaysNoGoesToTheMediatorsChoice() throws Exception {
        ProcessInstance instance = startAutomatic();

        youthAnswers(instance, false);

        assertThat(instance).isWaitingAt("taskChoosePartner");
        verify(sendReferral, never()).execute(any());
    }

    @Test
    void theMediatorTakesTheProposalBack() throws Exception {
        ProcessInstance instance = startAutomatic();

        complete(task(PartnerReferral.Tasks.FOLLOW_AUTOMATIC, instance), withVariables(Vars.TAKE_BACK, true));

        assertThat(instance).isWaitingAt("taskChoosePartner");
        youthSaysYes = true;
        runtimeService().createMessageCorrelation("YouthMessageReceived").processInstanceBusinessKey("7").correlateAll();
        assertThat(instance).isWaitingAt("taskChoosePartner");
    }

    @Test
    void withoutTheSwitchTheMediatorChoosesAsBefore() throws Exception {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("taskChoosePartner");
        verify(proposeToYouth, never()).execute(any());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PartnerReferral.PROCESS_ID, withVariables("journeyId", 7L));
    }

    private void refer(ProcessInstance instance, String partnerId) {
        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, partnerId));
        execute(job("taskSendReferral", instance));
    }

    private void partnerAnswers(ProcessInstance instance, String answer) {
        runtimeService().createMessageCorrelation(PartnerReferral.Messages.PARTNER_ANSWERED)
                .processInstanceVariableEquals(Vars.REFERRAL_ID, 3L)
                .setVariables(Map.of(Vars.PARTNER_ANSWER, answer)).correlate();
        execute(job("taskSavePartnerAnswer", instance));
    }

    @Test
    void theMediatorChoosesAmongRankedPartners() {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("taskChoosePartner");
        assertThat(task(instance)).hasCandidateGroup("mediateurs");
    }

    @Test
    void aPartnerWhoAcceptsIsAnnouncedToTheYouthAndTheAppointmentConfirmed() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "12");
        assertThat(instance).isWaitingAt("taskAwaitPartnerAnswer");

        partnerAnswers(instance, Values.ACCEPTED);
        execute(job("taskNotifyYouth", instance));
        verify(notifyYouth).execute(any());
        complete(task("taskConfirmAttendance", instance), withVariables(Vars.YOUTH_ATTENDED, "true"));
        execute(job("taskRecordAttendance", instance));

        assertThat(instance).hasPassed("endReferralDone").isEnded().variables().containsEntry(Vars.OUTCOME, Values.ACCEPTED_OUTCOME);
    }

    @Test
    void aPartnerWithoutEmailIsReferredByTheMediatorWhoRecordsItsAcceptance() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "99");
        assertThat(instance).isWaitingAt("taskReferDirectly");
        assertThat(task(instance)).hasCandidateGroup("mediateurs");

        complete(task("taskReferDirectly", instance), withVariables(Vars.PARTNER_ANSWER, Values.ACCEPTED));
        verify(checkDirectReferral).notify(any());
        execute(job("taskSavePartnerAnswer", instance));
        execute(job("taskNotifyYouth", instance));

        verify(notifyYouth).execute(any());
        assertThat(instance).isWaitingAt("taskConfirmAttendance").hasNotPassed("taskAwaitPartnerAnswer");
        verify(remind, never()).execute(any());
    }

    @Test
    void aPartnerWithoutEmailWhoRefusesLeadsToTheNextProposal() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "99");

        complete(task("taskReferDirectly", instance), withVariables(Vars.PARTNER_ANSWER, Values.REFUSED));
        execute(job("taskSavePartnerAnswer", instance));

        verify(loadOptions, times(2)).execute(any());
        assertThat(instance).isWaitingAt("taskChoosePartner");
    }

    @Test
    void aYouthWhoDoesNotShowUpIsRecordedAsNoShow() {
        ProcessInstance instance = start();
        refer(instance, "12");
        partnerAnswers(instance, Values.ACCEPTED);
        execute(job("taskNotifyYouth", instance));

        complete(task("taskConfirmAttendance", instance), withVariables(Vars.YOUTH_ATTENDED, "false"));
        execute(job("taskRecordAttendance", instance));

        assertThat(instance).isEnded().variables().containsEntry(Vars.OUTCOME, Values.NO_SHOW_OUTCOME);
    }

    @Test
    void aRefusalLeadsToTheNextProposal() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "12");

        partnerAnswers(instance, Values.REFUSED);

        verify(loadOptions, times(2)).execute(any());
        assertThat(instance).isWaitingAt("taskChoosePartner");
    }

    @Test
    void aRefusalThenNoOtherPartnerEndsAsRefused() {
        ProcessInstance instance = start();
        refer(instance, "12");
        partnerAnswers(instance, Values.REFUSED);

        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, Values.NONE));

        assertThat(instance).hasPassed("endNoPartner").isEnded().variables().containsEntry(Vars.OUTCOME, Values.REFUSED_OUTCOME);
    }

    @Test
    void aSilentPartnerIsRemindedThreeTimesAtMost() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "12");

        int reminders = 0;
        while (jobQuery().processInstanceId(instance.getId()).activityId("timerPartnerReminder").count() > 0 && reminders < 10) {
            var timer = job("timerPartnerReminder", instance);
            // Time passes to the reminder's due date, as it would in production.
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 1000));
            execute(timer);
            execute(job("taskRemindPartner", instance));
            reminders++;
        }

        org.assertj.core.api.Assertions.assertThat(reminders).isEqualTo(3);
        verify(remind, times(3)).execute(any());
        org.assertj.core.api.Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).activityId("timerPartnerReminder").count()).isZero();
        assertThat(instance).isWaitingAt("taskAwaitPartnerAnswer");
    }

    @Test
    void withoutAnAnswerAfterThirtyDaysTheReferralExpiresAndTheMediatorChoosesAgain() throws Exception {
        ProcessInstance instance = start();
        refer(instance, "12");

        execute(job("timerReferralExpired", instance));

        verify(expire).execute(any());
        assertThat(instance).hasPassed("taskExpireReferral").isWaitingAt("taskChoosePartner");
        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, Values.NONE));
        assertThat(instance).isEnded().variables().containsEntry(Vars.OUTCOME, Values.EXPIRED_OUTCOME);
    }

    @Test
    void noSuitablePartnerEndsTheReferral() throws Exception {
        ProcessInstance instance = start();

        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, Values.NONE));

        verify(sendReferral, never()).execute(any());
        assertThat(instance).hasPassed("endNoPartner").isEnded().variables().containsEntry(Vars.OUTCOME, Values.NO_PARTNER);
    }
}
