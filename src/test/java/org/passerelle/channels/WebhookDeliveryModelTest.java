package org.passerelle.channels;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
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
import org.passerelle.channels.inbox.WebhookDelivery;
import org.passerelle.testsupport.ModelTestEngine;

@Deployment(resources = "processes/webhook-delivery.bpmn")
class WebhookDeliveryModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    // Like the real step: it always says whether a lead is to be asked for again (here: no).
    private final JavaDelegate processDelivery = mock(JavaDelegate.class, org.mockito.AdditionalAnswers.delegatesTo(
            (JavaDelegate) execution -> execution.setVariable(WebhookDelivery.RETRY_LATER, false)));

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("processWebhookDelivery", processDelivery);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(WebhookDelivery.PROCESS_ID, withVariables(WebhookDelivery.DELIVERY_ID, 5L));
    }

    @Test
    void aStoredDeliveryIsProcessedInItsOwnJob() throws Exception {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("taskProcessDelivery");

        execute(job(instance));

        verify(processDelivery).execute(any());
        assertThat(instance).hasPassed("endDeliveryProcessed").isEnded();
    }

    @Test
    void aLeadNotReadableYetIsAskedForAgainAMinuteLater() throws Exception {
        boolean[] readable = {false};
        Mocks.register("processWebhookDelivery", (JavaDelegate) execution -> {
            execution.setVariable(WebhookDelivery.RETRY_LATER, !readable[0]);
            readable[0] = true;
        });
        ProcessInstance instance = start();

        execute(job(instance));
        assertThat(instance).isWaitingAt("timerLeadRetry");
        org.assertj.core.api.Assertions.assertThat(job(instance).getDuedate())
                .isCloseTo(new java.util.Date(System.currentTimeMillis() + 60_000), 10_000);

        execute(job(instance));
        assertThat(instance).isWaitingAt("taskProcessDelivery");
        execute(job(instance));
        assertThat(instance).hasPassed("timerLeadRetry", "endDeliveryProcessed").isEnded();
    }

    @Test
    void aFailingDeliveryIsRetriedFiveTimesThenBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("base indisponible")).when(processDelivery).execute(any());
        ProcessInstance instance = start();

        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                execute(job(instance));
            } catch (RuntimeException expected) {
                // retried later
            }
            org.assertj.core.api.Assertions.assertThat(jobQuery().processInstanceId(instance.getId()).singleResult().getRetries())
                    .isEqualTo(5 - attempt);
        }

        assertThat(instance).isWaitingAt("taskProcessDelivery");
        org.assertj.core.api.Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();
    }
}
