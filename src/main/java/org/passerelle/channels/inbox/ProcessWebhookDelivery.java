package org.passerelle.channels.inbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The job that applies one stored webhook delivery; failures are retried, then shown as incidents. */
@Component("processWebhookDelivery")
public class ProcessWebhookDelivery implements JavaDelegate {

    private final InboxProcessor processor;

    public ProcessWebhookDelivery(InboxProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Long deliveryId = (Long) execution.getVariable(WebhookDelivery.DELIVERY_ID);
        execution.setVariable(WebhookDelivery.RETRY_LATER, processor.process(deliveryId));
    }
}
