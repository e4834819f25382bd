package org.passerelle.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.followup.NudgePolicy.Silence;
import org.passerelle.journey.YouthJourney.FollowUpSteps;

class NudgePolicyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId CAYENNE = ZoneId.of("America/Cayenne");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");

    /** The shipped "Cadence des relances" (FollowUpCadenceDecisionTest evaluates the table itself). */
    private static final FollowUpCadence SHIPPED = unanswered -> unanswered == 0 ? 3 : 10 + 30L * (unanswered - 1);

    private final NudgePolicy policy = new NudgePolicy(new FollowUpProperties(10, 19, 2, 90), SHIPPED);

    private static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    @Test
    void firstNudgeComesThreeDaysAfterTheLastContactInTheSameHour() {
        // Monday 14:00 in Paris → Thursday 14:00.
        Instant next = policy.nextNudgeAt(new Silence(at("2026-11-23T14:00", PARIS), 0, PARIS));

        assertThat(next).isEqualTo(at("2026-11-26T14:00", PARIS));
    }

    @Test
    void secondNudgeComesTenDaysAfterTheLastContactThenEveryThirtyDays() {
        Instant contact = at("2026-11-02T11:00", PARIS); // Monday
        assertThat(policy.nextNudgeAt(new Silence(contact, 1, PARIS))).isEqualTo(at("2026-11-12T11:00", PARIS));
        assertThat(policy.nextNudgeAt(new Silence(contact, 2, PARIS))).isEqualTo(at("2026-12-12T11:00", PARIS));
        assertThat(policy.nextNudgeAt(new Silence(contact, 3, PARIS))).isEqualTo(at("2027-01-11T11:00", PARIS));
    }

    @Test
    void lateEveningNudgeWaitsForTheNextMorning() {
        Instant next = policy.nextNudgeAt(new Silence(at("2026-11-23T22:30", PARIS), 0, PARIS));

        assertThat(next).isEqualTo(at("2026-11-27T10:00", PARIS));
    }

    @Test
    void earlyMorningNudgeWaitsUntilTheWindowOpens() {
        Instant next = policy.nextNudgeAt(new Silence(at("2026-11-23T06:15", PARIS), 0, PARIS));

        assertThat(next).isEqualTo(at("2026-11-26T10:00", PARIS));
    }

    @Test
    void noNudgeOnSunday() {
        // Thursday + 3 days = Sunday → Monday 10:00.
        Instant next = policy.nextNudgeAt(new Silence(at("2026-11-26T15:00", PARIS), 0, PARIS));

        assertThat(next).isEqualTo(at("2026-11-30T10:00", PARIS));
    }

    @Test
    void overseasYouthIsNudgedAtTheirOwnLocalHour() {
        // 15:00 in Paris is 11:00 in Cayenne, 18:00 in La Réunion: both inside their window.
        Instant contact = at("2026-11-23T15:00", PARIS);
        assertThat(policy.nextNudgeAt(new Silence(contact, 0, CAYENNE)).atZone(CAYENNE).getHour()).isEqualTo(11);
        assertThat(policy.nextNudgeAt(new Silence(contact, 0, REUNION)).atZone(REUNION).getHour()).isEqualTo(18);
        // 17:00 in Paris is 20:00 in La Réunion: too late there, next morning at 10:00 local.
        Instant late = policy.nextNudgeAt(new Silence(at("2026-11-23T17:00", PARIS), 0, REUNION));
        assertThat(late.atZone(REUNION)).isEqualTo(ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, REUNION));
    }

    @Test
    void decidesToWaitWhenTheYouthWroteSinceTheTimerWasSet() {
        Instant contact = at("2026-11-23T14:00", PARIS);

        assertThat(policy.decide(new Silence(contact, 0, PARIS), at("2026-11-25T14:00", PARIS))).isEqualTo(FollowUpSteps.WAIT);
    }

    @Test
    void decidesToNudgeWhenTheNudgeIsDue() {
        Instant contact = at("2026-11-23T14:00", PARIS);

        assertThat(policy.decide(new Silence(contact, 0, PARIS), at("2026-11-26T14:00", PARIS))).isEqualTo(FollowUpSteps.NUDGE);
        assertThat(policy.decide(new Silence(contact, 1, PARIS), at("2026-12-03T14:00", PARIS))).isEqualTo(FollowUpSteps.NUDGE);
    }

    @Test
    void decidesToCallAfterTwoUnansweredNudges() {
        Instant contact = at("2026-11-23T14:00", PARIS);

        assertThat(policy.decide(new Silence(contact, 2, PARIS), at("2027-01-02T14:00", PARIS))).isEqualTo(FollowUpSteps.PHONE_CALL);
        assertThat(policy.decide(new Silence(contact, 3, PARIS), at("2027-02-01T14:00", PARIS))).isEqualTo(FollowUpSteps.NUDGE);
    }

    @Test
    void decidesToCloseAfterNinetyDaysOfSilence() {
        Instant contact = at("2026-11-23T14:00", PARIS);

        assertThat(policy.decide(new Silence(contact, 4, PARIS), at("2027-02-21T14:00", PARIS))).isEqualTo(FollowUpSteps.CLOSE);
        assertThat(policy.decide(new Silence(contact, 4, PARIS), at("2027-02-20T14:00", PARIS))).isNotEqualTo(FollowUpSteps.CLOSE);
    }
}
