package org.passerelle.channels.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored deliveries a few at a time, each in its own transaction: one delivery that fails never rolls back
 * another. A failing delivery, or a lead the Graph API does not give yet, leaves the batches for its own
 * webhookDelivery process, which retries it and ends in a Cockpit incident only when the retries are exhausted.
 */
@Service
public class IntakeBatches {

    private static final Logger log = LoggerFactory.getLogger(IntakeBatches.class);

    private final InboxDeliveryRepository deliveries;
    private final InboxProcessor processor;
    private final RuntimeService runtimeService;
    private final IntakeTrigger trigger;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    private final CommandExecutor newEngineTransaction;
    private final int batchSize;
    private final Duration jobBudget;
    private final Duration claimTime;
    /** Batches applied at once on this node: the webhooks' answers need their share of the CPU too. */
    private final java.util.concurrent.Semaphore running;

    public IntakeBatches(InboxDeliveryRepository deliveries, InboxProcessor processor, RuntimeService runtimeService,
            IntakeTrigger trigger, Clock clock, PlatformTransactionManager transactions,
            ProcessEngineConfigurationImpl engineConfiguration,
            @Value("${passerelle.intake.batch-size:10}") int batchSize,
            @Value("${passerelle.intake.job-budget:PT20S}") Duration jobBudget,
            @Value("${passerelle.intake.parallel-batches:1}") int parallelBatches,
            @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockTimeMillis) {
        this.deliveries = deliveries;
        this.processor = processor;
        this.runtimeService = runtimeService;
        this.trigger = trigger;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Engine calls inside it join this transaction instead of the calling job's.
        this.newEngineTransaction = engineConfiguration.getCommandExecutorTxRequiresNew();
        this.batchSize = batchSize;
        this.jobBudget = jobBudget;
        this.running = new java.util.concurrent.Semaphore(Math.max(1, parallelBatches));
        // A claim lasts as long as a job's lock: when a dead node's job is taken again, so are its deliveries.
        this.claimTime = Duration.ofMillis(lockTimeMillis);
    }

    /**
     * Applies received deliveries until none is left or the job's budget is spent; returns how many were taken.
     * A job that finds this node's batches all running leaves the work to them.
     */
    public int applyReceived() {
        if (!running.tryAcquire()) {
            return 0;
        }
        try {
            return applyWhileAny();
        } finally {
            running.release();
            // A delivery stored while the last look found none, whose own job was turned away above, is not left
            // waiting for the sweep.
            if (!deliveries.findClaimable(clock.instant(), PageRequest.of(0, 1)).isEmpty()) {
                trigger.requestIntake();
            }
        }
    }

    private int applyWhileAny() {
        Instant stopClaiming = clock.instant().plus(jobBudget);
        int taken = 0;
        while (clock.instant().isBefore(stopClaiming)) {
            List<Long> batch = claimBatch();
            if (batch.isEmpty()) {
                return taken;
            }
            batch.forEach(this::apply);
            taken += batch.size();
        }
        // Budget spent with work left: another job goes on (possibly on another node).
        trigger.requestIntake();
        return taken;
    }

    /** Claims up to a batch of free deliveries and commits the claim at once, so other jobs skip them. */
    private List<Long> claimBatch() {
        String token = UUID.randomUUID().toString();
        return newTransaction.execute(status -> {
            // A job that loses the race for every row it saw looks again: the rows it lost are claimed now.
            for (int attempt = 0; attempt < 5; attempt++) {
                Instant now = clock.instant();
                List<Long> free = deliveries.findClaimable(now, PageRequest.of(0, batchSize));
                if (free.isEmpty()) {
                    return List.<Long>of();
                }
                if (deliveries.claim(free, token, now.plus(claimTime), now) > 0) {
                    return deliveries.findClaimedBy(token);
                }
            }
            return List.<Long>of();
        });
    }

    private void apply(Long deliveryId) {
        try {
            // Its own engine command and transaction: what the delivery starts or correlates commits with it.
            boolean retryLater = newEngineTransaction.execute(commandContext -> processOrFail(deliveryId));
            if (retryLater) {
                handToOwnJob(deliveryId);
            }
        } catch (RuntimeException failed) {
            // The platform's text or ids may be in the message: only the exception's type is logged.
            log.warn("Delivery {} could not be applied in a batch ({}); it gets its own retried job",
                    deliveryId, failed.getClass().getSimpleName());
            handToOwnJob(deliveryId);
        }
    }

    private boolean processOrFail(Long deliveryId) {
        try {
            return processor.process(deliveryId);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void handToOwnJob(Long deliveryId) {
        newEngineTransaction.execute(commandContext -> {
            deliveries.findById(deliveryId).ifPresent(delivery -> {
                if (delivery.getStatus() == InboxDelivery.Status.RECEIVED) {
                    delivery.handedToOwnJob();
                    deliveries.save(delivery);
                    runtimeService.startProcessInstanceByKey(WebhookDelivery.PROCESS_ID, "delivery-" + deliveryId,
                            Map.of(WebhookDelivery.DELIVERY_ID, deliveryId));
                }
            });
            return null;
        });
    }
}
