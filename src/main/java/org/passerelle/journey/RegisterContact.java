package org.passerelle.journey;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** A contact made by phone or in person, started from Tasklist's start form. */
@Component("registerContact")
public class RegisterContact implements JavaDelegate {

    private final ContactRegistration registration;

    public RegisterContact(ContactRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String channel = (String) execution.getVariable(Vars.CHANNEL);
        // No messaging account behind a direct contact: the instance id is its external id.
        String externalId = "direct-" + UUID.nameUUIDFromBytes(execution.getProcessInstanceId().getBytes());
        Journey journey = registration.register(new FirstContact(channel, externalId,
                (String) execution.getVariable(Vars.YOUTH_FIRST_NAME), null,
                (String) execution.getVariable(Vars.FIRST_MESSAGE)));
        journey.setProcessInstanceId(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(journey.getId().toString());
        execution.setVariable(Vars.JOURNEY_ID, journey.getId());
    }
}
