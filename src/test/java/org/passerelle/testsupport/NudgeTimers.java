package org.passerelle.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.JobState;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journeys silent for four days, each waiting at its nudge timer (set a day ahead), for the timer tests and benchmarks:
 * they {@link #seed} them, make them {@link #makeDue due} at once by SQL, then count what the job executors did.
 * The journeys are told apart by the prefix of their youths' WhatsApp ids.
 */
public final class NudgeTimers {

    public static final String TIMER = "timerNextNudge";

    private NudgeTimers() {
    }

    /** Creates the journeys in transactions of 200, through the application's own repositories and engine. */
    public static void seed(ApplicationContext context, String prefix, int count) {
        YouthRepository youths = context.getBean(YouthRepository.class);
        JourneyRepository journeys = context.getBean(JourneyRepository.class);
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        // Four days: the cadence's first nudge is due (day 3) and its second not yet (day 10), so each fires once.
        Instant silentSince = Instant.now().minus(Duration.ofDays(4));
        Date later = Date.from(Instant.now().plus(Duration.ofDays(1)));
        for (int start = 0; start < count; start += 200) {
            int from = start;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 200); i++) {
                    Youth youth = youths.save(new Youth("whatsapp", prefix + i, "Jeune", "benchmark", silentSince));
                    Journey journey = journeys.save(new Journey(youth, silentSince));
                    var instance = runtime.createProcessInstanceByKey(YouthJourney.PROCESS_ID)
                            .businessKey(journey.getId().toString()).startBeforeActivity(TIMER)
                            .setVariable(YouthJourney.Vars.JOURNEY_ID, journey.getId())
                            .setVariable(YouthJourney.Vars.NEXT_NUDGE_AT, later).execute();
                    journey.setProcessInstanceId(instance.getId());
                }
            });
        }
    }

    /** Nudge timers of these journeys waiting in the engine (due or not). */
    public static long waiting(DataSource db, String prefix) {
        return count(db, "select count(*) from act_ru_job where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '"
                + TIMER + "') and process_instance_id_ in (" + instancesOf() + ")", prefix);
    }

    /** Makes every nudge timer of these journeys due now: all fire at once. */
    public static void makeDue(DataSource db, String prefix) {
        try (Connection connection = db.getConnection(); PreparedStatement update = connection.prepareStatement(
                "update act_ru_job set duedate_ = ? where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = '"
                        + TIMER + "') and process_instance_id_ in (" + instancesOf() + ")")) {
            update.setTimestamp(1, new Timestamp(System.currentTimeMillis() - 1000));
            update.setString(2, prefix + "%");
            update.executeUpdate();
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Journeys of this prefix nudged at least once. */
    public static long nudged(DataSource db, String prefix) {
        return count(db, "select count(*) from journey j join youth y on y.id = j.youth_id where y.external_id like ? "
                + "and j.nudges_sent > 0", prefix);
    }

    /** Journeys of this prefix nudged more than once: must stay 0 (each timer fires once). */
    public static long nudgedTwice(DataSource db, String prefix) {
        return count(db, "select count(*) from journey j join youth y on y.id = j.youth_id where y.external_id like ? "
                + "and j.nudges_sent > 1", prefix);
    }

    /** Nudge messages the youths of this prefix were sent. */
    public static long nudgeMessages(DataSource db, String prefix) {
        return count(db, "select count(*) from conversation_message m join journey j on j.id = m.journey_id "
                + "join youth y on y.id = j.youth_id where y.external_id like ? and m.kind = 'NUDGE'", prefix);
    }

    /** Successful executions of these nudge timers by the node of this hostname (Camunda's job log). */
    public static long firedBy(DataSource db, String prefix, String hostname) {
        return count(db, "select count(*) from act_hi_job_log where act_id_ = '" + TIMER + "' and job_state_ = "
                + JobState.SUCCESSFUL.getStateCode()
                + " and hostname_ = '" + hostname + "' and process_instance_id_ in (" + instancesOf() + ")", prefix);
    }

    private static String instancesOf() {
        return "select j.process_instance_id from journey j join youth y on y.id = j.youth_id where y.external_id like ?";
    }

    private static long count(DataSource db, String sql, String prefix) {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
