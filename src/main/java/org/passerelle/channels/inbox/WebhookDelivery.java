package org.passerelle.channels.inbox;

/** The contract of webhookDelivery (processes/webhook-delivery.bpmn): one job per stored delivery. */
public final class WebhookDelivery {

    public static final String PROCESS_ID = "webhookDelivery";
    public static final String DELIVERY_ID = "deliveryId";
    /** Set by the processing step: a lead the Graph API does not give yet is asked for again a minute later. */
    public static final String RETRY_LATER = "retryLater";

    private WebhookDelivery() {
    }
}
