package org.passerelle.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.passerelle.PasserelleApplication;
import org.passerelle.channels.inbox.WebhookSignature;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook intake benchmark (not a test): acknowledgement latency of signed WhatsApp deliveries,
 * and throughput from delivery to journey + first-answer task, on H2 and on PostgreSQL, beside a
 * bare Camunda process start measured in the same run.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.IntakeBenchmark</pre>
 * Arguments: [messages per database, default 2000] [deliveries per second, default 200]. Deliveries are sent at that
 * fixed rate whatever the answers (as the platforms do), and each latency counts from its planned send time. Further
 * arguments are passed to the application (e.g. {@code --camunda.bpm.job-execution.max-pool-size=3}).
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    private static final List<String> EXTRA = new ArrayList<>();

    record Result(String database, int messages, double ackP50Ms, double ackP95Ms, double ackP99Ms, double ackPerSecond,
            double intakePerSecond, double bareStartsPerSecond, Visible visible) {
    }

    /** First message to first-answer task seen in Tasklist's "À traiter" query, p50/p95; the bare engine's start to task. */
    record Visible(double p50Ms, double p95Ms, double bareP50Ms, double bareP95Ms, int seen, int sent) {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, IntakeBenchmark::measure);
    }

    static void measure(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        EXTRA.addAll(BenchmarkReport.applicationArguments(args, 2));
        List<Result> results = new ArrayList<>();
        // -Dbench.database=postgres (or h2) measures one database only.
        String only = System.getProperty("bench.database", "");
        if (!only.equals("postgres")) {
            Path h2 = Files.createTempDirectory("passerelle-bench-h2");
            results.add(run("H2 (file)", messages, threads, "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("db")
                    + ";AUTO_SERVER=FALSE"));
        }
        if (!only.equals("h2")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                results.add(run("PostgreSQL 17", messages, threads,
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--camunda.bpm.database.type=postgres"));
            }
        }
        System.out.println();
        System.out.printf("%-14s %8s %10s %10s %12s %14s %16s%n", "database", "messages", "ack p50", "ack p99",
                "acks/s", "intake msg/s", "bare starts/s");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-14s %8d %8.1fms %8.1fms %12.0f %14.1f %16.1f%n", r.database(), r.messages(),
                    r.ackP50Ms(), r.ackP99Ms(), r.ackPerSecond(), r.intakePerSecond(), r.bareStartsPerSecond());
        }
        write(results, messages, threads);
    }

    /** BENCHMARKS.md (machine, date, commit, every figure beside the bare engine's) and target/benchmarks/intake.json. */
    private static void write(List<Result> results, int messages, int threads) throws Exception {
        String commit;
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            commit = new String(git.getInputStream().readAllBytes()).strip();
        } catch (Exception noGit) {
            commit = "unknown";
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
        StringBuilder md = new StringBuilder("# Benchmarks\n\nWritten by `IntakeBenchmark` (README \"Benchmark\"): ")
                .append(java.time.LocalDate.now()).append(", commit `").append(commit).append("`, ").append(machine)
                .append(", ").append(messages).append(" signed WhatsApp deliveries at ").append(threads)
                .append(" per second per database, Passerelle and the bare engine measured in the same run.\n\n")
                .append("| database | ack p50 | ack p95 | ack p99 | acks/s | intake (journey + first-answer task)/s | bare starts/s | intake ÷ bare |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        StringBuilder visible = new StringBuilder(String.format(Locale.ROOT, "%n**First message → first-answer task in Tasklist's "
                + "\"À traiter\" query** (%d deliveries at %d/s, a rate the intake keeps up with; the query asked as a mediator "
                + "every 100 ms, so within 100 ms of its commit; Tasklist's auto-refresh asks every 10 s), against a bare process "
                + "start → its user task in a task query (no job between them, no polling):%n%n", VISIBLE_MESSAGES, VISIBLE_RATE)
                + "| database | Passerelle p50 / p95 | tasks seen | bare engine p50 / p95 | ratio (p95) |\n|---|---|---|---|---|\n");
        StringBuilder json = new StringBuilder("{\"commit\":\"" + commit + "\",\"date\":\"" + java.time.LocalDate.now()
                + "\",\"machine\":\"" + machine + "\",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.0f | %.1f | %.1f | %.0f %% |%n", r.database(),
                    r.ackP50Ms(), r.ackP95Ms(), r.ackP99Ms(), r.ackPerSecond(), r.intakePerSecond(), r.bareStartsPerSecond(),
                    100 * r.intakePerSecond() / r.bareStartsPerSecond()));
            Visible v = r.visible();
            visible.append(String.format(Locale.ROOT, "| %s | %.0f / %.0f ms | %d of %d | %.1f / %.1f ms | %.0f× |%n", r.database(),
                    v.p50Ms(), v.p95Ms(), v.seen(), v.sent(), v.bareP50Ms(), v.bareP95Ms(), v.p95Ms() / v.bareP95Ms()));
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"database\":\"%s\",\"ackP50Ms\":%.1f,\"ackP95Ms\":%.1f,\"ackP99Ms\":%.1f,\"acksPerSecond\":%.1f,"
                            + "\"intakePerSecond\":%.1f,\"bareStartsPerSecond\":%.1f,\"visibleP50Ms\":%.1f,\"visibleP95Ms\":%.1f,"
                            + "\"bareVisibleP50Ms\":%.1f,\"bareVisibleP95Ms\":%.1f}", r.database(), r.ackP50Ms(), r.ackP95Ms(),
                    r.ackP99Ms(), r.ackPerSecond(), r.intakePerSecond(), r.bareStartsPerSecond(), v.p50Ms(), v.p95Ms(),
                    v.bareP50Ms(), v.bareP95Ms()));
        }
        md.append(visible);
        md.append("\nTargets (issue \"Real Meta traffic\" and \"Production and scale\"): ack p99 < 50 ms at 200 deliveries/s, ")
                .append("intake ≥ 50 % of bare process starts, first message → task < 1 s p95. See \"What the figures say\" below.\n");
        Path file = Path.of("BENCHMARKS.md");
        String previous = Files.exists(file) ? Files.readString(file) : "";
        int notes = previous.indexOf("\n## What the figures say");
        Files.writeString(file, md + (notes < 0 ? "" : previous.substring(notes)));
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "intake.json"), json.append("]}").toString());
    }

    private static Result run(String database, int messages, int threads, String... datasource) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN",
                // Meta delivers from many addresses; the benchmark from one: its concurrent sends are not a flood.
                "--passerelle.security.anonymous-requests=400", "--passerelle.security.anonymous-requests-per-source=400"));
        args.addAll(List.of(datasource));
        args.addAll(EXTRA);
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, args.toArray(String[]::new));
        try {
            int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            long beforeWarmUp = engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count();
            // As many deliveries unmeasured first: a JVM that has not compiled the hot paths yet spends the first
            // seconds compiling them on the same two cores (a cold start gave p50 0.3-0.9 s where a warm one gives 10-20 ms).
            warmUp(port, messages, threads);
            while (engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count() < beforeWarmUp + messages) {
                Thread.sleep(50);
            }
            long tasksBefore = engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count();

            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            send(port, "bench", messages, threads, latencies, new ConcurrentHashMap<>());
            long acked = System.nanoTime();
            while (engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count() < tasksBefore + messages) {
                Thread.sleep(50);
            }
            long done = System.nanoTime();
            Collections.sort(latencies);

            // At 200/s deliveries queue behind the intake; a mediator's wait is measured at a rate it keeps up with.
            List<Double> visible = visible(engine, context.getBean(JdbcTemplate.class), port, VISIBLE_MESSAGES, VISIBLE_RATE);
            double bareStarts = bareStarts(engine, messages);
            List<Double> bareVisible = bareVisible(engine, 300);
            return new Result(database, messages, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    messages / seconds(acked - start), messages / seconds(done - start), bareStarts,
                    new Visible(percentile(visible, 50), percentile(visible, 95), percentile(bareVisible, 50),
                            percentile(bareVisible, 95), visible.size(), VISIBLE_MESSAGES));
        } finally {
            context.close();
        }
    }

    private static void warmUp(int port, int messages, int threads) throws Exception {
        send(port, "warmup", messages, threads, new ArrayList<>(), new ConcurrentHashMap<>());
    }

    /** Deliveries at a rate the intake keeps up with, for the first message → task in Tasklist figure. */
    static final int VISIBLE_MESSAGES = 600;
    static final int VISIBLE_RATE = 20;

    /** Sends at that rate while Tasklist's query is asked every 100 ms; each youth's wait in milliseconds, sorted. */
    private static List<Double> visible(ProcessEngine engine, JdbcTemplate jdbc, int port, int messages, int perSecond)
            throws Exception {
        long tasksBefore = engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count();
        Map<String, Long> planned = new ConcurrentHashMap<>();
        TasklistWatch watch = new TasklistWatch(engine);
        watch.start();
        try {
            send(port, "visible", messages, perSecond, new ArrayList<>(), planned);
            while (engine.getTaskService().createTaskQuery().taskDefinitionKey("taskFirstAnswer").count() < tasksBefore + messages) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // the watch's last poll
        } finally {
            watch.stop();
        }
        return visibleAfter(jdbc, planned, watch.seen());
    }

    /** Each youth's planned send time against the moment the watch first saw their task: milliseconds, sorted. */
    private static List<Double> visibleAfter(JdbcTemplate jdbc, Map<String, Long> planned, Map<String, Long> seen) {
        List<Double> visible = new ArrayList<>();
        jdbc.query("select j.process_instance_id, y.external_id from journey j join youth y on y.id = j.youth_id", row -> {
            Long sent = planned.get(row.getString(2));
            Long first = seen.get(row.getString(1));
            if (sent != null && first != null) {
                visible.add((first - sent) / 1e6);
            }
        });
        // A task the watch missed (committed over 5 s after its creation) is left out: the report says how many.
        Collections.sort(visible);
        return visible;
    }

    /** A bare start of a process with one user task, then the task query that finds it: milliseconds, sorted. */
    private static List<Double> bareVisible(ProcessEngine engine, int count) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            String instance = engine.getRuntimeService().startProcessInstanceByKey("benchBare").getId();
            if (engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult() == null) {
                throw new IllegalStateException("no task after a bare start");
            }
            if (i >= 50) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(times);
        return times;
    }

    /** Sends at a fixed rate (open loop): a slow answer does not slow the next send, as with Meta's traffic. */
    private static void send(int port, String prefix, int messages, int perSecond, List<Double> latencies,
            Map<String, Long> plannedAt) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        })).build();
        List<java.util.concurrent.CompletableFuture<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < messages; i++) {
            // One youth per delivery: warm-up and measured numbers never meet.
            String waId = "336" + (prefix.equals("warmup") ? "9" : prefix.equals("visible") ? "5" : "1") + String.format("%07d", i);
            String body = whatsApp(prefix + "-" + i, waId);
            long planned = start + i * interval;
            plannedAt.put(waId, planned);
            java.util.concurrent.locks.LockSupport.parkNanos(planned - System.nanoTime());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "test-app-secret"))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            sends.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                latencies.add((System.nanoTime() - planned) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("webhook answered " + response.statusCode());
                }
            }));
        }
        for (var send : sends) {
            send.get();
        }
    }

    /** Starts of a process with one user task, through the same engine and database. */
    private static double bareStarts(ProcessEngine engine, int count) {
        engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("benchBare").camundaHistoryTimeToLive(1).startEvent().userTask("bareTask")
                        .endEvent().done()).deploy();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("benchBare");
        }
        return count / seconds(System.nanoTime() - start);
    }

    private static String whatsApp(String messageId, String waId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"Jeune"},"wa_id":"%2$s"}],
                  "messages":[{"from":"%2$s","id":"wamid.%1$s","timestamp":"1763900000","type":"text","text":{"body":"Bonjour"}}]}}]}]}"""
                .formatted(messageId, waId);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
