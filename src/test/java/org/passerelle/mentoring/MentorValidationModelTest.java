package org.passerelle.mentoring;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.ArgumentMatchers.any;
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
import org.passerelle.testsupport.ModelTestEngine;

/** A confirmed sign-up waits for a programme lead, whose decision is then recorded. */
@Deployment(resources = "processes/mentor-validation.bpmn")
class MentorValidationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate record = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("recordMentorValidation", record);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void aProgrammeLeadValidatesTheSignUp() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(MentorValidation.PROCESS_ID,
                withVariables(MentorValidation.Vars.MENTOR_ID, 3L, MentorValidation.Vars.SIGN_UP, "Julien Moreau — Orange"));

        assertThat(instance).isWaitingAt(MentorValidation.Tasks.VALIDATE);
        assertThat(task(instance)).hasCandidateGroup("responsables-programme");
        complete(task(instance), withVariables(MentorValidation.Vars.DECISION, MentorValidation.Vars.ACCEPT));
        execute(job("taskRecordMentorValidation", instance));

        verify(record).execute(any());
        assertThat(instance).hasPassed("endMentorSignUp").isEnded();
    }
}
