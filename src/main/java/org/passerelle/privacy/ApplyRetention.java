package org.passerelle.privacy;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Nightly retention: erases youths whose last journey closed longer ago than the programme keeps data, and stale mentor sign-ups. */
@Component("applyRetention")
public class ApplyRetention implements JavaDelegate {

    static final String ERASED_COUNT = "erasedCount";

    private final Erasure erasure;
    private final org.passerelle.mentoring.MentorLeaving mentors;
    private final Clock clock;
    private final int retentionDays;

    public ApplyRetention(Erasure erasure, org.passerelle.mentoring.MentorLeaving mentors, Clock clock,
            @Value("${passerelle.privacy.retention-days-after-closure:365}") int retentionDays) {
        this.erasure = erasure;
        this.mentors = mentors;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int erased = erasure.eraseClosedBefore(clock.instant().minus(Duration.ofDays(retentionDays)));
        execution.setVariable(ERASED_COUNT, erased);
        // A mentor's sign-up nobody confirmed within a month: an address typed by someone else, most likely.
        mentors.forgetUnconfirmedBefore(clock.instant().minus(Duration.ofDays(30)));
        mentors.forgetNeverActiveBefore(clock.instant().minus(Duration.ofDays(365)));
    }
}
