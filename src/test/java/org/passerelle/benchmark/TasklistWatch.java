package org.passerelle.benchmark;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.passerelle.journey.YouthJourney;
import org.passerelle.security.Roles;
import org.passerelle.security.seeding.IdentitySeeder;

/**
 * Asks Tasklist's "À traiter" query as a mediator every 100 ms and notes when each journey's first-answer task is
 * first in the answer (System.nanoTime, by process instance): when the task became visible in the query, to within
 * the 100 ms. Tasklist's own list, with auto-refresh on, asks again every 10 s: a mediator may wait that on top.
 */
final class TasklistWatch {

    /** A task is committed within moments of its creation (one delivery per transaction): older ones were seen. */
    private static final long WINDOW_MILLIS = 5_000;

    private final ProcessEngine engine;
    private final Filter toDo;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private Thread thread;

    TasklistWatch(ProcessEngine engine) {
        this.engine = engine;
        this.toDo = engine.getFilterService().createFilterQuery().filterName(IdentitySeeder.FILTER_TO_DO).singleResult();
    }

    void start() {
        thread = new Thread(this::watch, "tasklist-watch");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    Map<String, Long> seen() {
        return seen;
    }

    private void watch() {
        long since = System.currentTimeMillis();
        engine.getIdentityService().setAuthentication("bench-mediatrice", List.of(Roles.MEDIATORS));
        while (running) {
            long polledAt = System.nanoTime();
            long now = System.currentTimeMillis();
            TaskQuery recent = engine.getTaskService().createTaskQuery().taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER)
                    .taskCreatedAfter(new Date(Math.max(since, now - WINDOW_MILLIS)));
            List<Task> tasks = engine.getFilterService().<Task, TaskQuery>list(toDo.getId(), recent);
            long answeredAt = System.nanoTime(); // when the mediator's screen would show them
            for (Task task : tasks) {
                seen.putIfAbsent(task.getProcessInstanceId(), answeredAt);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L - (System.nanoTime() - polledAt));
        }
    }
}
