package org.passerelle.channels.inbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The job that applies one stored webhook delivery; failures are retried, then shown as incidents. */
@Component("processWebhookDelivery")
public class ProcessWebhookDelivery implements JavaDelegate {

    private final InboxProcessor processor;
    private final Inbox inbox;

    public ProcessWebhookDelivery(InboxProcessor processor, Inbox inbox) {
        this.processor = processor;
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Long deliveryId = (Long) execution.getVariable(WebhookDelivery.DELIVERY_ID);
        inbox.recordAttempt(deliveryId);
        processor.process(deliveryId);
    }
}
