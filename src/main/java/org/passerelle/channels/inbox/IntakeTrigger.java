package org.passerelle.channels.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts a webhookIntake job after deliveries are stored, at most one per window on this node: a busy minute of
 * traffic becomes a few batch jobs, not one process per delivery. A delivery stored before a request always has
 * a job started after it (the pending flag is cleared before the start), so none waits for the 30-second sweep
 * unless the start itself fails.
 */
@Component
public class IntakeTrigger implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IntakeTrigger.class);

    private final RuntimeService runtimeService;
    private final long windowNanos;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "intake-trigger");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastStart = System.nanoTime() - Duration.ofHours(1).toNanos();

    public IntakeTrigger(RuntimeService runtimeService,
            @Value("${passerelle.intake.batch-window:PT0.05S}") Duration window) {
        this.runtimeService = runtimeService;
        this.windowNanos = window.toNanos();
    }

    /** Never blocks the caller (the webhook answers right after its insert). */
    public void requestIntake() {
        if (pending.compareAndSet(false, true)) {
            inFlight.incrementAndGet();
            long wait = Math.max(0, windowNanos - (System.nanoTime() - lastStart));
            scheduler.schedule(this::start, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void start() {
        try {
            pending.set(false);
            lastStart = System.nanoTime();
            runtimeService.startProcessInstanceByMessage(WebhookIntake.MESSAGE_DELIVERIES_STORED);
        } catch (RuntimeException failed) {
            log.warn("Could not start an intake job ({}); the 30-second sweep applies the deliveries", failed.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Whether a requested start has not happened yet (tests wait for this before running the jobs). */
    public boolean isStarting() {
        return inFlight.get() > 0;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
