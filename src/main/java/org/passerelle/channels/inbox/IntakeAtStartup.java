package org.passerelle.channels.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A node that starts (after a crash, say) applies what was acknowledged and not applied yet, without waiting. */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class IntakeAtStartup {

    private final IntakeTrigger trigger;

    IntakeAtStartup(IntakeTrigger trigger) {
        this.trigger = trigger;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyWhatWasLeft() {
        trigger.requestIntake();
    }
}
