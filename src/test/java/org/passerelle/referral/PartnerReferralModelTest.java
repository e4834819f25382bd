package org.passerelle.referral;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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

@Deployment(resources = "processes/partner-referral.bpmn")
class PartnerReferralModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate loadOptions = mock(JavaDelegate.class,
            delegatesTo((JavaDelegate) e -> {
                if (e.getVariable(Vars.OUTCOME) == null) {
                    e.setVariable(Vars.OUTCOME, Values.NO_PARTNER);
                }
            }));
    private final JavaDelegate recordProposal = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.REFERRAL_ID, 3L)));
    private final JavaDelegate recordAnswer = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e ->
            e.setVariable(Vars.OUTCOME, Values.ACCEPTED.equals(e.getVariable(Vars.PARTNER_ANSWER))
                    ? Values.ACCEPTED_OUTCOME : Values.REFUSED_OUTCOME)));

    @BeforeEach
    void registerDelegates() {
        // Several model-test engines live in one JVM: point the assertions at this class's.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("loadPartnerOptions", loadOptions);
        Mocks.register("sendReferral", recordProposal);
        Mocks.register("recordPartnerAnswer", recordAnswer);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PartnerReferral.PROCESS_ID, withVariables("journeyId", 7L));
    }

    private void propose(ProcessInstance instance, String mentorId, String answer) {
        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, mentorId));
        execute(job("taskSendReferral", instance));
        complete(task("taskRecordPartnerAnswer", instance), withVariables(Vars.PARTNER_ANSWER, answer));
        execute(job("taskSavePartnerAnswer", instance));
    }

    @Test
    void mediatorChoosesAPartnerFromTheDirectory() throws Exception {
        ProcessInstance instance = start();

        verify(loadOptions).execute(any());
        assertThat(instance).isWaitingAt("taskChoosePartner");
        assertThat(task(instance)).hasCandidateGroup("mediateurs");
    }

    @Test
    void partnerWhoAcceptsEndsTheReferral() throws Exception {
        ProcessInstance instance = start();

        propose(instance, "12", Values.ACCEPTED);

        verify(recordProposal).execute(any());
        verify(recordAnswer).execute(any());
        assertThat(instance).hasPassed("endReferralAccepted").isEnded().variables().containsEntry(Vars.OUTCOME, Values.ACCEPTED_OUTCOME);
    }

    @Test
    void partnerWhoRefusesLeadsToAnotherChoice() throws Exception {
        ProcessInstance instance = start();

        propose(instance, "12", Values.REFUSED);

        verify(loadOptions, times(2)).execute(any());
        assertThat(instance).isWaitingAt("taskChoosePartner");
        propose(instance, "13", Values.ACCEPTED);
        assertThat(instance).hasPassed("endReferralAccepted").isEnded();
    }

    @Test
    void refusalThenNoOtherPartnerEndsAsRefused() throws Exception {
        ProcessInstance instance = start();
        propose(instance, "12", Values.REFUSED);

        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, Values.NONE));

        assertThat(instance).hasPassed("endNoPartner").isEnded().variables().containsEntry(Vars.OUTCOME, Values.REFUSED_OUTCOME);
    }

    @Test
    void noSuitablePartnerEndsTheReferral() throws Exception {
        ProcessInstance instance = start();

        complete(task("taskChoosePartner", instance), withVariables(Vars.PARTNER_ID, Values.NONE));

        verify(recordProposal, never()).execute(any());
        assertThat(instance).hasPassed("endNoPartner").isEnded().variables().containsEntry(Vars.OUTCOME, Values.NO_PARTNER);
    }
}
