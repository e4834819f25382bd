package org.passerelle.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.channels.inbox.InboxDelivery;
import org.passerelle.channels.inbox.InboxDeliveryRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.springframework.stereotype.Component;

/**
 * What an operator watches, read from the database at each scrape (so every node reports the same figures):
 * journeys by state, first answers past their 24-hour promise, intake lag, messages that did not reach youths by
 * channel, open incidents, the job executor's backlog, and Camunda's own counters.
 */
@Component
public class PasserelleMetrics implements MeterBinder {

    static final List<String> CHANNELS = List.of("whatsapp", "messenger", "web");
    private static final List<String> ENGINE_COUNTERS = List.of(Metrics.ACTIVTY_INSTANCE_START, Metrics.JOB_SUCCESSFUL,
            Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_FAILURE);

    private final JourneyRepository journeys;
    private final InboxDeliveryRepository deliveries;
    private final ConversationMessageRepository messages;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    public PasserelleMetrics(JourneyRepository journeys, InboxDeliveryRepository deliveries,
            ConversationMessageRepository messages, TaskService tasks, RuntimeService runtime, ManagementService management,
            Clock clock) {
        this.journeys = journeys;
        this.deliveries = deliveries;
        this.messages = messages;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Journey.Status status : Journey.Status.values()) {
            Gauge.builder("passerelle.journeys", journeys, r -> r.countByStatus(status))
                    .description("Journeys by state").tag("state", status.name().toLowerCase()).register(registry);
        }
        Gauge.builder("passerelle.first.answers.late", tasks, t -> t.createTaskQuery()
                        .taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER).dueBefore(Date.from(clock.instant())).count())
                .description("First messages not answered within the 24-hour promise").register(registry);
        Gauge.builder("passerelle.intake.lag", deliveries, d -> d.findFirstByStatusOrderByReceivedAtAsc(InboxDelivery.Status.RECEIVED)
                        .map(oldest -> Duration.between(oldest.getReceivedAt(), clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("Age of the oldest acknowledged delivery not applied yet").baseUnit("seconds").register(registry);
        for (String channel : CHANNELS) {
            Gauge.builder("passerelle.outbox.failures", messages, m -> m.countFailedOutbound(channel))
                    .description("Messages to youths that could not be sent or delivered").tag("channel", channel)
                    .register(registry);
        }
        Gauge.builder("passerelle.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("Open incidents (Cockpit)").register(registry);
        Gauge.builder("passerelle.jobs.backlog", management, m -> m.createJobQuery().executable().count())
                .description("Jobs due and waiting for the job executor").register(registry);
        for (String name : ENGINE_COUNTERS) {
            Gauge.builder("camunda.engine.metric", management, m -> m.createMetricsQuery().name(name).sum())
                    .description("Camunda's own counters since the database was created (all nodes)").tag("name", name)
                    .register(registry);
        }
    }
}
