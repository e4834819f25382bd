package org.passerelle.followup;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The follow-up settings of a programme; the nudges' cadence itself is the "Cadence des relances" decision
 * (processes/follow-up-cadence.dmn) a programme lead edits in Modeler.
 *
 * @param earliestHour first local hour (youth's time zone) a nudge may be sent
 * @param latestHour local hour from which nudges wait for the next day
 * @param unansweredBeforePhoneCall unanswered nudges after which a mediator calls the youth
 * @param silenceDaysBeforeClosure days without news after which the journey closes
 */
@ConfigurationProperties("passerelle.followup")
public record FollowUpProperties(int earliestHour,
        int latestHour, int unansweredBeforePhoneCall, int silenceDaysBeforeClosure) {

    public FollowUpProperties {
        if (earliestHour < 0 || latestHour > 24 || earliestHour >= latestHour) {
            throw new IllegalArgumentException("passerelle.followup: earliest-hour must be before latest-hour");
        }
    }
}
