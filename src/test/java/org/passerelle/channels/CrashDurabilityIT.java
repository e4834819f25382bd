package org.passerelle.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.passerelle.testsupport.ChildApplication;
import org.passerelle.testsupport.Http;

/**
 * A node killed with SIGKILL in the middle of a stream of first messages: every delivery that got a 200
 * is stored, and after a restart each becomes a journey within the job lock time (the dead node's locks
 * expire; nothing waits the engine's former five minutes).
 */
class CrashDurabilityIT {

    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final List<String> COMMON = List.of("--passerelle.demo.enabled=false",
            "--passerelle.channels.meta.app-secret=" + MetaWebhooks.SECRET, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);

    @Test
    void noAcknowledgedDeliveryIsLostOnTheDefaultH2Database() throws Exception {
        Path directory = Files.createTempDirectory("passerelle-crash-h2");
        // The default database (demo profile, ./data/passerelle H2 file); the job lock time is shortened for the
        // test's sake, its default is pinned below.
        List<String> arguments = new ArrayList<>(COMMON);
        arguments.add("--camunda.bpm.job-execution.lock-time-in-millis=20000");
        Set<String> acknowledged = streamThenKill(directory, arguments);

        Set<String> stored;
        Set<String> waiting;
        try (ChildApplication after = ChildApplication.start(directory, arguments)) {
            awaitFirstAnswerTasks(after, acknowledged.size(), Duration.ofSeconds(20 + 90), false);
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("data/passerelle"), "sa", "")) {
            stored = youths(db);
            waiting = receivedNotApplied(db, acknowledged);
        }
        assertThat(acknowledged).as("acknowledged deliveries").hasSizeGreaterThan(20);
        // Durability: every acknowledged delivery is in the database. On H2 (the one-node demo database) a job whose
        // row the killed JVM was updating can stay blocked after the restart (seen for one delivery in a few runs):
        // it is kept, stored and listed, not lost; PostgreSQL below applies every one.
        Set<String> storedOrApplied = new HashSet<>(stored);
        storedOrApplied.addAll(waiting);
        assertThat(storedOrApplied).as("acknowledged but missing after the crash").containsAll(acknowledged);
    }

    /**
     * On PostgreSQL the database is also restarted under load before the kill: the node answers 503 while it is
     * away (never 200 for what it could not store, never 500), reconnects by itself, and loses nothing either time.
     */
    @Test
    void noAcknowledgedDeliveryIsLostOnPostgreSqlRestartedUnderLoad() throws Exception {
        Path data = Files.createTempDirectory("passerelle-crash-pg-data");
        int pgPort = ChildApplication.freePort();
        EmbeddedPostgres postgres = postgres(data, pgPort);
        try {
            Path directory = Files.createTempDirectory("passerelle-crash-pg");
            List<String> arguments = new ArrayList<>(COMMON);
            arguments.addAll(List.of("--spring.profiles.active=postgres,demo",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--spring.datasource.hikari.connection-timeout=3000",
                    "--camunda.bpm.job-execution.lock-time-in-millis=20000"));
            Stream stream = Stream.start(directory, arguments);
            stream.awaitAcknowledged(40);
            postgres.close();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> stream.unavailable.get() >= 3);
            postgres = postgres(data, pgPort);
            int beforeRestart = stream.acknowledged.size();
            stream.awaitAcknowledged(beforeRestart + 40);
            Set<String> acknowledged = stream.kill();
            assertThat(stream.otherAnswers).as("answers other than 200 and 503").isEmpty();

            try (ChildApplication after = ChildApplication.start(directory, arguments)) {
                awaitFirstAnswerTasks(after, acknowledged.size(), Duration.ofSeconds(20 + 90), true);
            }
            Set<String> stored;
            try (Connection db = postgres.getPostgresDatabase().getConnection()) {
                stored = youths(db);
            }
            assertThat(acknowledged).as("acknowledged deliveries").hasSizeGreaterThan(80);
            assertThat(stored).as("acknowledged but missing after the restart and the crash").containsAll(acknowledged);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void theDefaultConfigurationIsDurableAndBoundsTheRecoveryDelay() throws Exception {
        String defaults = new String(CrashDurabilityIT.class.getResourceAsStream("/application.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(defaults).contains("jdbc:h2:file:./data/passerelle;WRITE_DELAY=0").doesNotContain("AUTO_SERVER=TRUE");
        assertThat(defaults).contains("lock-time-in-millis: 60000", "max-wait: 10000");
    }

    /** Six clients send first messages; once 40 are acknowledged the node is killed while they keep sending. */
    private static Set<String> streamThenKill(Path directory, List<String> arguments) throws Exception {
        Stream stream = Stream.start(directory, arguments);
        stream.awaitAcknowledged(40);
        return stream.kill();
    }

    /** Six clients sending first messages to one node, counting its answers. */
    private static final class Stream {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger unavailable = new AtomicInteger();
        final List<Integer> otherAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger sequence = new AtomicInteger();
        private final ExecutorService clients = Executors.newFixedThreadPool(6);
        private ChildApplication node;

        static Stream start(Path directory, List<String> arguments) throws Exception {
            Stream stream = new Stream();
            stream.node = ChildApplication.start(directory, arguments);
            for (int client = 0; client < 6; client++) {
                stream.clients.submit(stream::send);
            }
            return stream;
        }

        private void send() {
            while (true) {
                String waId = "336" + String.format("%08d", sequence.incrementAndGet());
                try {
                    var response = MetaWebhooks.signed(node.port(), "/webhooks/whatsapp",
                            MetaWebhooks.whatsAppText("wamid.crash." + waId, waId, "Crash", "Bonjour"));
                    if (response.statusCode() == 200) {
                        acknowledged.add(waId);
                    } else if (response.statusCode() == 503) {
                        unavailable.incrementAndGet();
                    } else {
                        otherAnswers.add(response.statusCode());
                    }
                } catch (IllegalStateException connectionLost) {
                    return;
                }
            }
        }

        void awaitAcknowledged(int count) {
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= count);
        }

        Set<String> kill() throws Exception {
            node.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            return new HashSet<>(acknowledged);
        }
    }

    /** Acknowledged deliveries stored but not applied yet (their raw body names the sender). */
    private static Set<String> receivedNotApplied(Connection db, Set<String> acknowledged) throws Exception {
        Set<String> waiting = new HashSet<>();
        try (ResultSet rows = db.createStatement().executeQuery("select body from inbox_delivery where status = 'RECEIVED'")) {
            while (rows.next()) {
                String body = rows.getString(1);
                acknowledged.stream().filter(body::contains).forEach(waiting::add);
            }
        }
        return waiting;
    }

    private static void awaitFirstAnswerTasks(ChildApplication node, int atLeast, Duration within, boolean everyDeliveryApplied) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var response = Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port()
                            + "/engine-rest/task/count?taskDefinitionKey=taskFirstAnswer"))
                    .header("Authorization", Http.basic("admin", ADMIN_PASSWORD)).GET());
            // Deliveries stored but never acknowledged (the kill cut the answer) make tasks too: wait until every
            // stored delivery is applied (their jobs, the dead node's locks expired), not only for a number of tasks.
            var pending = Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port()
                            + "/engine-rest/job/count?processDefinitionKey=" + org.passerelle.channels.inbox.WebhookDelivery.PROCESS_ID))
                    .header("Authorization", Http.basic("admin", ADMIN_PASSWORD)).GET());
            // Batch jobs still to run (messages=true leaves out the sweep's timer, which always exists).
            var batches = Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port()
                            + "/engine-rest/job/count?messages=true&processDefinitionKey=" + org.passerelle.channels.inbox.WebhookIntake.PROCESS_ID))
                    .header("Authorization", Http.basic("admin", ADMIN_PASSWORD)).GET());
            if (response.statusCode() != 200 || pending.statusCode() != 200 || batches.statusCode() != 200) {
                return false;
            }
            int tasks = Integer.parseInt(response.body().replaceAll("\\D", ""));
            int waiting = Integer.parseInt(pending.body().replaceAll("\\D", ""))
                    + Integer.parseInt(batches.body().replaceAll("\\D", ""));
            return everyDeliveryApplied ? tasks >= atLeast && waiting == 0 : tasks + waiting >= atLeast;
        });
    }

    private static Set<String> youths(Connection db) throws Exception {
        Set<String> ids = new HashSet<>();
        try (ResultSet rows = db.createStatement().executeQuery("select external_id from youth where channel = 'whatsapp'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
