package org.passerelle.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.passerelle.PasserelleApplication;
import org.passerelle.testsupport.NudgeTimers;
import org.passerelle.journey.YouthJourney;
import org.passerelle.security.seeding.IdentitySeeder;
import org.passerelle.security.Roles;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passerelle's cost against the bare engine, measured in one run on the same engine and database (not a test):
 * <ul>
 * <li>N nudge timers due at once (journeys waiting at "Date de relance atteinte", each then deciding and sending its
 * nudge) drained per second, against N bare timer jobs (timer → end);</li>
 * <li>the mediators' "À traiter" filter (as Tasklist asks it: a page of 50, oldest due first, with and without a
 * variable condition) with M open tasks, against a plain task query of the same page.</li>
 * </ul>
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.EngineCostBenchmark -Dexec.args="10000 50000"</pre>
 */
public final class EngineCostBenchmark {

    private EngineCostBenchmark() {
    }

    /** Further arguments go to the application (a setting being tried). */
    private static final List<String> EXTRA = new ArrayList<>();

    record Timers(String database, int count, double nudgesPerSecond, double bareTimersPerSecond) {
    }

    record Worklist(String database, int tasks, double filterP50, double filterP95, double filterVariableP50,
            double filterVariableP95, double bareP50, double bareP95, double bareVariableP50, double bareVariableP95) {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, EngineCostBenchmark::measure);
    }

    static void measure(String[] args) throws Exception {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        EXTRA.addAll(BenchmarkReport.applicationArguments(args, 2));
        List<Timers> timerResults = new ArrayList<>();
        List<Worklist> worklistResults = new ArrayList<>();
        // -Dbench.database=postgres (or h2) measures one database only: 100,000 timers take an hour per database.
        String only = System.getProperty("bench.database", "");
        if (!only.equals("postgres")) {
            Path h2 = Files.createTempDirectory("passerelle-cost-h2");
            run("H2 (file)", timers, tasks, timerResults, worklistResults,
                    "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("db") + ";WRITE_DELAY=0");
        }
        if (only.equals("h2")) {
            write(timerResults, worklistResults, timers, tasks);
            return;
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            run("PostgreSQL 17", timers, tasks, timerResults, worklistResults,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--camunda.bpm.database.type=postgres");
        }
        write(timerResults, worklistResults, timers, tasks);
    }

    /** Without open tasks (a timers-only run, e.g. 100,000) the section of the usual run is left as it is. */
    private static void write(List<Timers> timerResults, List<Worklist> worklistResults, int timers, int tasks)
            throws java.io.IOException {
        String section = report(timerResults, worklistResults, timers, tasks);
        if (tasks > 0) {
            BenchmarkReport.replaceSection("## Passerelle against the bare engine: timers and the worklist", section);
        } else {
            System.out.println(section);
        }
    }

    private static void run(String database, int timers, int tasks, List<Timers> timerResults,
            List<Worklist> worklistResults, String... datasource) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN",
                // Nudges go out at any hour here: the benchmark may run at night.
                "--passerelle.followup.earliest-hour=0", "--passerelle.followup.latest-hour=24"));
        args.addAll(List.of(datasource));
        args.addAll(EXTRA);
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, args.toArray(String[]::new));
        try {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);
            if (timers > 0) {
                double nudges = nudgeTimers(context, jdbc, timers);
                double bare = bareTimers(engine, jdbc, tx, timers);
                timerResults.add(new Timers(database, timers, nudges, bare));
                System.out.printf(Locale.ROOT, "%s: %d nudge timers %.1f/s, bare timers %.1f/s%n", database, timers, nudges, bare);
            }
            if (tasks > 0) {
                Worklist worklist = worklist(database, engine, jdbc, tx, tasks);
                worklistResults.add(worklist);
                System.out.println(worklist);
            }
        } finally {
            context.close();
        }
    }

    /** Journeys silent for four days wait at the nudge timer; all become due at once. Nudges sent per second. */
    private static double nudgeTimers(ConfigurableApplicationContext context, JdbcTemplate jdbc, int count) {
        String prefix = "bench-nudge-" + System.nanoTime() + "-";
        NudgeTimers.seed(context, prefix, count);
        javax.sql.DataSource db = jdbc.getDataSource();
        return drain(jdbc, NudgeTimers.TIMER, count, () -> NudgeTimers.nudged(db, prefix));
    }

    /** The same number of timers with nothing after them, through the same engine and job executor. */
    private static double bareTimers(ProcessEngine engine, JdbcTemplate jdbc, TransactionTemplate tx, int count) {
        engine.getRepositoryService().createDeployment().addModelInstance("bench-timer.bpmn",
                Bpmn.createExecutableProcess("benchTimer").camundaHistoryTimeToLive(1).startEvent()
                        .intermediateCatchEvent("benchTimerDue").timerWithDate("${dueAt}").endEvent().done()).deploy();
        Date later = Date.from(Instant.now().plus(Duration.ofDays(1)));
        for (int start = 0; start < count; start += 200) {
            int from = start;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 200); i++) {
                    engine.getRuntimeService().startProcessInstanceByKey("benchTimer", Map.of("dueAt", later));
                }
            });
        }
        LongSupplier done = () -> count - engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("benchTimer").count();
        return drain(jdbc, "benchTimerDue", count, done);
    }

    /** Makes every timer of this activity due now and waits until the work they start is done. */
    private static double drain(JdbcTemplate jdbc, String activityId, int count, LongSupplier done) {
        long start = System.nanoTime();
        jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = ?)",
                new Timestamp(System.currentTimeMillis() - 1000), activityId);
        while (done.getAsLong() < count) {
            sleep(200);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** M open tasks for the mediators; Tasklist's page of 50 through "À traiter" against a plain query. */
    private static Worklist worklist(String database, ProcessEngine engine, JdbcTemplate jdbc, TransactionTemplate tx, int count) {
        engine.getRepositoryService().createDeployment().addModelInstance("bench-worklist.bpmn",
                Bpmn.createExecutableProcess("benchWorklist").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("benchTask").camundaCandidateGroups(Roles.MEDIATORS).camundaDueDate("${due}").endEvent()
                        .done()).deploy();
        // Mediators see the tasks of the processes they work in: this one too, with the journey's permissions.
        var authorizations = engine.getAuthorizationService();
        var readTasks = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        readTasks.setGroupId(Roles.MEDIATORS);
        readTasks.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
        readTasks.setResourceId("benchWorklist");
        readTasks.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK);
        readTasks.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        authorizations.saveAuthorization(readTasks);
        Instant now = Instant.now();
        for (int start = 0; start < count; start += 500) {
            int from = start;
            tx.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 500); i++) {
                    engine.getRuntimeService().startProcessInstanceByKey("benchWorklist", Map.of(
                            "due", Date.from(now.plus(Duration.ofMinutes(i % 5000))),
                            YouthJourney.Vars.CHANNEL, i % 3 == 0 ? "messenger" : "whatsapp",
                            YouthJourney.Vars.YOUTH_FIRST_NAME, "Jeune " + i));
                }
            });
        }
        if (database.startsWith("PostgreSQL")) {
            // What autovacuum does after such a load in production: fresh statistics for the planner.
            jdbc.execute("analyze");
        }
        Filter toDo = engine.getFilterService().createFilterQuery().filterName(IdentitySeeder.FILTER_TO_DO).singleResult();
        var identity = engine.getIdentityService();
        List<Double> filter = new ArrayList<>();
        List<Double> filterVariable = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> bareVariable = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            identity.setAuthentication("bench-mediatrice", List.of(Roles.MEDIATORS));
            try {
                time(filter, round, () -> fullPage(engine.getFilterService().<Task, org.camunda.bpm.engine.task.TaskQuery>listPage(
                        toDo.getId(), engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 50)));
                time(filterVariable, round, () -> engine.getFilterService().<Task, org.camunda.bpm.engine.task.TaskQuery>listPage(toDo.getId(),
                        engine.getTaskService().createTaskQuery().processVariableValueEquals(YouthJourney.Vars.CHANNEL, "messenger")
                                .orderByDueDate().asc(), 0, 50));
            } finally {
                identity.clearAuthentication();
            }
            time(bare, round, () -> engine.getTaskService().createTaskQuery().taskCandidateGroup(Roles.MEDIATORS)
                    .orderByDueDate().asc().listPage(0, 50));
            time(bareVariable, round, () -> engine.getTaskService().createTaskQuery().taskCandidateGroup(Roles.MEDIATORS)
                    .processVariableValueEquals(YouthJourney.Vars.CHANNEL, "messenger").orderByDueDate().asc().listPage(0, 50));
        }
        if (Boolean.getBoolean("bench.variants")) {
            List<Double> authOnly = new ArrayList<>();
            List<Double> assigned = new ArrayList<>();
            List<Double> authAssigned = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                time(assigned, round, () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(Roles.MEDIATORS))
                        .includeAssignedTasks().orderByDueDate().asc().listPage(0, 50));
                identity.setAuthentication("bench-mediatrice", List.of(Roles.MEDIATORS));
                try {
                    time(authOnly, round, () -> engine.getTaskService().createTaskQuery().taskCandidateGroup(Roles.MEDIATORS)
                            .orderByDueDate().asc().listPage(0, 50));
                    time(authAssigned, round, () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of(Roles.MEDIATORS))
                            .includeAssignedTasks().orderByDueDate().asc().listPage(0, 50));
                } finally {
                    identity.clearAuthentication();
                }
            }
            System.out.printf(Locale.ROOT, "VARIANTS %s: includeAssigned %.1f, auth %.1f, auth+includeAssigned %.1f%n", database,
                    pct(assigned, 50), pct(authOnly, 50), pct(authAssigned, 50));
        }
        return new Worklist(database, count, pct(filter, 50), pct(filter, 95), pct(filterVariable, 50), pct(filterVariable, 95),
                pct(bare, 50), pct(bare, 95), pct(bareVariable, 50), pct(bareVariable, 95));
    }

    /** A page that came back short measured another query than the mediators' (a missing permission, say). */
    private static void fullPage(List<Task> page) {
        if (page.size() != 50) {
            throw new IllegalStateException("the page has " + page.size() + " tasks, not 50");
        }
    }

    /** Ten warm-up rounds are not counted. */
    private static void time(List<Double> into, int round, Runnable query) {
        long start = System.nanoTime();
        query.run();
        if (round >= 10) {
            into.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String report(List<Timers> timers, List<Worklist> worklists, int timerCount, int taskCount) {
        StringBuilder md = new StringBuilder("Written by `EngineCostBenchmark` (README \"Benchmark\"): ")
                .append(BenchmarkReport.header()).append(".\n\n")
                .append(String.format(Locale.ROOT, "**%,d nudge timers due at once** (journeys silent for four days: each timer then decides "
                        + "the follow-up with the cadence table and sends its nudge), against as many bare timer jobs (timer → end), "
                        + "one node, the same job executor (3 threads):%n%n", timerCount))
                .append("| database | nudges sent/s | bare timers/s | Passerelle ÷ bare |\n|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"timers\":[");
        for (int i = 0; i < timers.size(); i++) {
            Timers t = timers.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f %% |%n", t.database(), t.nudgesPerSecond(),
                    t.bareTimersPerSecond(), 100 * t.nudgesPerSecond() / t.bareTimersPerSecond()));
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"database\":\"%s\",\"count\":%d,\"nudgesPerSecond\":%.1f,\"bareTimersPerSecond\":%.1f}",
                    t.database(), t.count(), t.nudgesPerSecond(), t.bareTimersPerSecond()));
        }
        md.append(String.format(Locale.ROOT, "%n**The mediators' worklist with %,d open tasks**: Tasklist's page of 50, oldest due "
                + "first, through the \"À traiter\" filter (group expression, authorizations) against a plain task query of the "
                + "same page; then both with a process variable condition (the youth's channel). Milliseconds, p50 / p95 of 50 "
                + "queries after 10 unmeasured:%n%n", taskCount))
                .append("| database | \"À traiter\" | plain query | ratio | \"À traiter\" + variable | plain + variable | ratio |\n")
                .append("|---|---|---|---|---|---|---|\n");
        json.append("],\"worklist\":[");
        for (int i = 0; i < worklists.size(); i++) {
            Worklist w = worklists.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f | %.1f× | %.1f / %.1f | %.1f / %.1f | %.1f× |%n",
                    w.database(), w.filterP50(), w.filterP95(), w.bareP50(), w.bareP95(), w.filterP50() / w.bareP50(),
                    w.filterVariableP50(), w.filterVariableP95(), w.bareVariableP50(), w.bareVariableP95(),
                    w.filterVariableP50() / w.bareVariableP50()));
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"database\":\"%s\",\"tasks\":%d,\"filterP50\":%.1f,\"filterP95\":%.1f,\"filterVariableP50\":%.1f,"
                            + "\"filterVariableP95\":%.1f,\"bareP50\":%.1f,\"bareP95\":%.1f,\"bareVariableP50\":%.1f,\"bareVariableP95\":%.1f}",
                    w.database(), w.tasks(), w.filterP50(), w.filterP95(), w.filterVariableP50(), w.filterVariableP95(),
                    w.bareP50(), w.bareP95(), w.bareVariableP50(), w.bareVariableP95()));
        }
        BenchmarkReport.writeJson("engine-cost.json", json.append("]}").toString());
        return md.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
