package org.passerelle.mentoring;

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
import org.passerelle.mentoring.MentorMatching.Values;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.passerelle.testsupport.ModelTestEngine;

@Deployment(resources = "processes/mentor-matching.bpmn")
class MentorMatchingModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate loadOptions = mock(JavaDelegate.class,
            delegatesTo((JavaDelegate) e -> e.setVariable(Vars.OUTCOME, Values.NO_MENTOR)));
    private final JavaDelegate recordProposal = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> e.setVariable(Vars.MENTOR_MATCH_ID, 3L)));
    private final JavaDelegate recordAnswer = mock(JavaDelegate.class, delegatesTo((JavaDelegate) e -> {
        if (Values.ACCEPTED.equals(e.getVariable(Vars.MENTOR_ANSWER))) {
            e.setVariable(Vars.OUTCOME, Values.MATCHED);
        }
    }));

    @BeforeEach
    void registerDelegates() {
        // Several model-test engines live in one JVM: point the assertions at this class's.
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("loadMentorOptions", loadOptions);
        Mocks.register("recordMentorProposal", recordProposal);
        Mocks.register("recordMentorAnswer", recordAnswer);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(MentorMatching.PROCESS_ID, withVariables("journeyId", 7L));
    }

    private void propose(ProcessInstance instance, String mentorId, String answer) {
        complete(task("taskProposeMentor", instance), withVariables(Vars.MENTOR_ID, mentorId));
        execute(job("taskRecordMentorProposal", instance));
        complete(task("taskRecordMentorAnswer", instance), withVariables(Vars.MENTOR_ANSWER, answer));
        execute(job("taskSaveMentorAnswer", instance));
    }

    @Test
    void mediatorProposesAMentorFromThePool() throws Exception {
        ProcessInstance instance = start();

        verify(loadOptions).execute(any());
        assertThat(instance).isWaitingAt("taskProposeMentor");
        assertThat(task(instance)).hasCandidateGroup("mediateurs");
    }

    @Test
    void mentorWhoAcceptsMakesTheMatch() throws Exception {
        ProcessInstance instance = start();

        propose(instance, "12", Values.ACCEPTED);

        verify(recordProposal).execute(any());
        verify(recordAnswer).execute(any());
        assertThat(instance).hasPassed("endMentorFound").isEnded().variables().containsEntry(Vars.OUTCOME, Values.MATCHED);
    }

    @Test
    void mentorWhoRefusesLeadsToAnotherProposal() throws Exception {
        ProcessInstance instance = start();

        propose(instance, "12", Values.REFUSED);

        verify(loadOptions, times(2)).execute(any());
        assertThat(instance).isWaitingAt("taskProposeMentor");
        propose(instance, "13", Values.ACCEPTED);
        assertThat(instance).hasPassed("endMentorFound").isEnded();
    }

    @Test
    void noMentorAvailableEndsTheSearch() throws Exception {
        ProcessInstance instance = start();

        complete(task("taskProposeMentor", instance), withVariables(Vars.MENTOR_ID, Values.NONE));

        verify(recordProposal, never()).execute(any());
        assertThat(instance).hasPassed("endNoMentor").isEnded().variables().containsEntry(Vars.OUTCOME, Values.NO_MENTOR);
    }
}
