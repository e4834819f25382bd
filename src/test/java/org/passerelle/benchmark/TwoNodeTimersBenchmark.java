package org.passerelle.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.passerelle.testsupport.ChildApplication;
import org.passerelle.testsupport.NudgeTimers;
import org.passerelle.testsupport.SeedingNode;

/**
 * N nudge timers due at once on one embedded PostgreSQL: drained by one Passerelle node, then by two (each its own
 * JVM), each timer checked to have fired exactly once. Written to BENCHMARKS.md and target/benchmarks/two-nodes.json.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 *     -Dexec.mainClass=org.passerelle.benchmark.TwoNodeTimersBenchmark -Dexec.args=10000</pre>
 * Arguments: [timers, default 10000] then application settings to try (e.g. --camunda.bpm.job-execution.core-pool-size=4).
 */
public final class TwoNodeTimersBenchmark {

    record Run(int nodes, int timers, double perSecond, long firedByA, long firedByB, long nudgedTwice, long messages) {
    }

    private TwoNodeTimersBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, TwoNodeTimersBenchmark::measure);
    }

    static void measure(String[] args) throws Exception {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> settings = BenchmarkReport.applicationArguments(args, 1);
        List<Run> runs = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            List<String> common = new ArrayList<>(List.of("--passerelle.demo.enabled=false", "--spring.profiles.active=postgres,demo",
                    "--camunda.bpm.admin-user.password=two-nodes-admin", "--passerelle.channels.meta.app-secret=benchmark-secret-0123456789",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--passerelle.followup.earliest-hour=0", "--passerelle.followup.latest-hour=24"));
            common.addAll(settings);
            Path first = Files.createTempDirectory("passerelle-bench-node-a");
            Path second = Files.createTempDirectory("passerelle-bench-node-b");
            try (ChildApplication a = ChildApplication.launch(first, SeedingNode.class.getName(),
                    node("node-a", common, "--seed.nudge-timers=" + timers, "--seed.prefix=one-node-"))) {
                a.awaitReady(first);
                runs.add(drain(db, "one-node-", timers, 1));
                System.out.println(runs.get(0));
                try (ChildApplication b = ChildApplication.launch(second, SeedingNode.class.getName(),
                        node("node-b", common, "--seed.nudge-timers=" + timers, "--seed.prefix=two-nodes-"))) {
                    b.awaitReady(second);
                    runs.add(drain(db, "two-nodes-", timers, 2));
                    System.out.println(runs.get(1));
                }
            }
        }
        BenchmarkReport.replaceSection("## Nudge timers on one and two nodes (PostgreSQL)", report(runs, settings));
    }

    private static List<String> node(String hostname, List<String> common, String... own) {
        List<String> arguments = new ArrayList<>(common);
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        arguments.addAll(List.of(own));
        return arguments;
    }

    /** Waits for the seeded timers, makes them all due, and times the nudges until the last one is sent. */
    private static Run drain(DataSource db, String prefix, int timers, int nodes) {
        Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NudgeTimers.waiting(db, prefix) == timers);
        long start = System.nanoTime();
        NudgeTimers.makeDue(db, prefix);
        Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> NudgeTimers.nudged(db, prefix) == timers);
        double perSecond = timers / ((System.nanoTime() - start) / 1e9);
        Run run = new Run(nodes, timers, perSecond, NudgeTimers.firedBy(db, prefix, "node-a"),
                NudgeTimers.firedBy(db, prefix, "node-b"), NudgeTimers.nudgedTwice(db, prefix), NudgeTimers.nudgeMessages(db, prefix));
        if (run.nudgedTwice() != 0 || run.messages() != timers || run.firedByA() + run.firedByB() != timers) {
            throw new IllegalStateException("A timer did not fire exactly once: " + run);
        }
        return run;
    }

    private static String report(List<Run> runs, List<String> settings) {
        StringBuilder md = new StringBuilder("Written by `TwoNodeTimersBenchmark` (README \"Benchmark\"): ")
                .append(BenchmarkReport.header()).append(".\n\n")
                .append(String.format(Locale.ROOT, "**%,d nudge timers due at once** on one embedded PostgreSQL, drained by one "
                        + "Passerelle node, then by two (each its own JVM, 3 job threads, the same machine)%s. Every run checks that "
                        + "each timer fired exactly once: one successful job in Camunda's job log, one nudge per journey.%n%n",
                        runs.get(0).timers(), settings.isEmpty() ? "" : ", with " + String.join(" ", settings)))
                .append("| nodes | nudges sent/s | fired by node a | fired by node b | journeys nudged twice |\n|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"runs\":[");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %,d | %,d | %d |%n", r.nodes(), r.perSecond(), r.firedByA(),
                    r.firedByB(), r.nudgedTwice()));
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"nodes\":%d,\"timers\":%d,\"perSecond\":%.1f,\"firedByA\":%d,\"firedByB\":%d,\"nudgedTwice\":%d}",
                    r.nodes(), r.timers(), r.perSecond(), r.firedByA(), r.firedByB(), r.nudgedTwice()));
        }
        if (runs.size() == 2) {
            md.append(String.format(Locale.ROOT, "%nTwo nodes ÷ one node: **%.2f×** (target ≥ 1.7×).%n",
                    runs.get(1).perSecond() / runs.get(0).perSecond()));
        }
        BenchmarkReport.writeJson("two-nodes.json", json.append("]}").toString());
        return md.toString();
    }
}
