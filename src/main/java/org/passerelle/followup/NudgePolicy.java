package org.passerelle.followup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.passerelle.journey.YouthJourney.FollowUpSteps;
import org.springframework.stereotype.Component;

/** When to nudge a silent youth, and what to do when that time comes. Pure but for the cadence it is given. */
@Component
public class NudgePolicy {

    private final FollowUpProperties properties;
    private final FollowUpCadence cadence;

    public NudgePolicy(FollowUpProperties properties, FollowUpCadence cadence) {
        this.properties = properties;
        this.cadence = cadence;
    }

    /** The state of a journey's follow-up that the policy reads. */
    public record Silence(Instant lastContactAt, int unansweredNudges, ZoneId zone) {
    }

    /** Due time of the next nudge, moved into the youth's local sending window (never on Sunday). */
    public Instant nextNudgeAt(Silence silence) {
        Instant due = silence.lastContactAt().plus(Duration.ofDays(cadence.daysAfterLastContact(silence.unansweredNudges())));
        return intoSendingWindow(due, silence.zone());
    }

    public String decide(Silence silence, Instant now) {
        if (Duration.between(silence.lastContactAt(), now).toDays() >= properties.silenceDaysBeforeClosure()) {
            return FollowUpSteps.CLOSE;
        }
        if (now.isBefore(nextNudgeAt(silence))) {
            return FollowUpSteps.WAIT;
        }
        if (silence.unansweredNudges() == properties.unansweredBeforePhoneCall()) {
            return FollowUpSteps.PHONE_CALL;
        }
        return FollowUpSteps.NUDGE;
    }

    private Instant intoSendingWindow(Instant due, ZoneId zone) {
        ZonedDateTime local = due.atZone(zone);
        if (local.getHour() >= properties.latestHour()) {
            local = local.plusDays(1).withHour(properties.earliestHour()).truncatedTo(ChronoUnit.HOURS);
        } else if (local.getHour() < properties.earliestHour()) {
            local = local.withHour(properties.earliestHour()).truncatedTo(ChronoUnit.HOURS);
        }
        if (local.getDayOfWeek() == DayOfWeek.SUNDAY) {
            local = local.plusDays(1).withHour(properties.earliestHour()).truncatedTo(ChronoUnit.HOURS);
        }
        return local.toInstant();
    }
}
