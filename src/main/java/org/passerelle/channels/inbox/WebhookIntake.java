package org.passerelle.channels.inbox;

/**
 * The contract of webhookIntake (processes/webhook-intake.bpmn): a job that applies the stored deliveries in
 * batches, started shortly after deliveries arrive and every 30 seconds as a sweep.
 */
public final class WebhookIntake {

    public static final String PROCESS_ID = "webhookIntake";
    /** Starts a batch job (the process also starts every 30 seconds by itself). */
    public static final String MESSAGE_DELIVERIES_STORED = "deliveriesStored";
    public static final String TASK_APPLY = "taskApplyReceivedDeliveries";

    private WebhookIntake() {
    }
}
