package org.passerelle.channels.inbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The intake job: applies the stored deliveries in batches (each delivery in its own transaction). */
@Component("applyReceivedDeliveries")
public class ApplyReceivedDeliveries implements JavaDelegate {

    private final IntakeBatches batches;

    public ApplyReceivedDeliveries(IntakeBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        batches.applyReceived();
    }
}
