package org.passerelle.channels;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
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
import org.passerelle.channels.inbox.WebhookIntake;
import org.passerelle.testsupport.ModelTestEngine;

@Deployment(resources = "processes/webhook-intake.bpmn")
class WebhookIntakeModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final JavaDelegate applyDeliveries = mock(JavaDelegate.class);

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("applyReceivedDeliveries", applyDeliveries);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void storedDeliveriesAreAppliedInAJobAfterTheStart() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByMessage(WebhookIntake.MESSAGE_DELIVERIES_STORED);
        assertThat(instance).isWaitingAt(WebhookIntake.TASK_APPLY);

        execute(job(instance));

        verify(applyDeliveries).execute(any());
        assertThat(instance).hasPassed("startDeliveriesStored", "endDeliveriesApplied").isEnded();
    }

    @Test
    void theSweepRunsEveryThirtySecondsWhateverHappened() throws Exception {
        Job sweep = jobQuery().timers().processDefinitionKey(WebhookIntake.PROCESS_ID).singleResult();
        org.assertj.core.api.Assertions.assertThat(sweep.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + 30_000), 10_000);

        managementService().executeJob(sweep.getId());
        Job apply = jobQuery().messages().processDefinitionKey(WebhookIntake.PROCESS_ID).singleResult();
        managementService().executeJob(apply.getId());

        verify(applyDeliveries).execute(any());
        Job next = jobQuery().timers().processDefinitionKey(WebhookIntake.PROCESS_ID).singleResult();
        org.assertj.core.api.Assertions.assertThat(next.getId()).isNotEqualTo(sweep.getId());
        org.assertj.core.api.Assertions.assertThat(next.getDuedate()).isCloseTo(new Date(System.currentTimeMillis() + 30_000), 10_000);
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processInstanceId(apply.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void aFailingBatchIsRetriedThreeTimesThenBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("base indisponible")).when(applyDeliveries).execute(any());
        ProcessInstance instance = runtimeService().startProcessInstanceByMessage(WebhookIntake.MESSAGE_DELIVERIES_STORED);

        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                execute(job(instance));
            } catch (RuntimeException expected) {
                // retried 30 seconds later
            }
            org.assertj.core.api.Assertions.assertThat(job(instance).getRetries()).isEqualTo(3 - attempt);
        }

        verify(applyDeliveries, times(3)).execute(any());
        assertThat(instance).isWaitingAt(WebhookIntake.TASK_APPLY);
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    }
}
