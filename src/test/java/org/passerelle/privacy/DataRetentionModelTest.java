package org.passerelle.privacy;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testsupport.ModelTestEngine;

@Deployment(resources = "processes/data-retention.bpmn")
class DataRetentionModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate applyRetention = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("applyRetention", applyRetention);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void everyNightAt3TheRetentionRuns() throws Exception {
        var timer = jobQuery().timers().singleResult();
        org.assertj.core.api.Assertions.assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(3);

        execute(timer);
        var instance = runtimeService().createProcessInstanceQuery().processDefinitionKey(DataRetention.PROCESS_ID).singleResult();
        execute(jobQuery().processInstanceId(instance.getId()).singleResult());

        verify(applyRetention).execute(any());
        assertThat(instance).hasPassed("taskApplyRetention", "endRetentionApplied").isEnded();
        org.assertj.core.api.Assertions.assertThat(jobQuery().timers().count()).as("the next night is scheduled").isOne();
    }
}
