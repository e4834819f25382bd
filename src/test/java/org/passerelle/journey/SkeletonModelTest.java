package org.passerelle.journey;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testsupport.ModelTestEngine;

@Deployment(resources = "processes/youth-journey.bpmn")
class SkeletonModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    @Test
    void firstContactWaitsForTheMediatorsAnswer() {
        var instance = runtimeService().createMessageCorrelation(YouthJourney.Messages.FIRST_CONTACT_RECEIVED)
                .setVariable(YouthJourney.Vars.JOURNEY_ID, 1L).correlateStartMessage();
        assertThat(instance).isWaitingAt("taskFirstAnswer");
    }
}
