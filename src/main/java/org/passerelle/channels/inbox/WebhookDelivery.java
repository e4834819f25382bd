package org.passerelle.channels.inbox;

/** The contract of webhookDelivery (processes/webhook-delivery.bpmn): one job per stored delivery. */
public final class WebhookDelivery {

    public static final String PROCESS_ID = "webhookDelivery";
    public static final String DELIVERY_ID = "deliveryId";

    private WebhookDelivery() {
    }
}
