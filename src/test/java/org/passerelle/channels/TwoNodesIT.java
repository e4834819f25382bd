package org.passerelle.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.passerelle.testsupport.ChildApplication;
import org.passerelle.testsupport.NudgeTimers;
import org.passerelle.testsupport.SeedingNode;

/**
 * Two Passerelle JVMs started at the same moment on one empty PostgreSQL database both become ready (schema, groups
 * and filters created once, by whichever node got the start lock); a webhook delivered to both gives one journey;
 * a webapp session opened on one node is unknown to the other (sticky sessions at the proxy); nudge timers due at once
 * fire exactly once each across the two nodes' job executors; a node killed mid-load leaves every delivery it
 * acknowledged to the other node, which applies them within the lock time.
 */
class TwoNodesIT {

    /** The benchmark (BENCHMARKS.md) runs 10,000 of them; this many keep the test short. */
    private static final int TIMERS = 300;
    private static final String SEEDED = "two-nodes-nudge-";

    private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int sessionStatus(int port, String session) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/camunda/api/engine/engine/default/process-definition/count"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> node(String hostname, List<String> common, String... own) {
        List<String> arguments = new java.util.ArrayList<>(common);
        // The job log names the node that ran each job.
        arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + hostname);
        arguments.addAll(List.of(own));
        return arguments;
    }

    private static final int LOCK_MILLIS = 20_000;

    /**
     * First messages stream into node a, which is killed (SIGKILL) mid-stream: node b applies every delivery node a
     * acknowledged, its own and those node a had claimed, within the lock time and a margin for a loaded machine.
     */
    private static void aNodeKilledMidLoadLeavesItsWorkToTheOther(EmbeddedPostgres postgres, ChildApplication a) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int client = 0; client < 4; client++) {
            clients.submit(() -> {
                while (true) {
                    String waId = "337" + String.format("%08d", sequence.incrementAndGet());
                    try {
                        if (MetaWebhooks.signed(a.port(), "/webhooks/whatsapp",
                                MetaWebhooks.whatsAppText("wamid.kill." + waId, waId, "Léo", "Bonjour")).statusCode() == 200) {
                            acknowledged.add(waId);
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 40);
        a.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        long killedAt = System.nanoTime();

        String ids = acknowledged.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        Awaitility.await().atMost(Duration.ofMillis(LOCK_MILLIS).plusMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(postgres, "select count(*) from journey j join youth y on y.id = j.youth_id where y.external_id in (" + ids + ")")
                        == acknowledged.size()
                        && count(postgres, "select count(*) from inbox_delivery where status = 'RECEIVED'") == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("taken over within the lock time and a margin")
                .isLessThan(Duration.ofMillis(LOCK_MILLIS).plusMinutes(3));
    }

    /** Every timer fires once: one nudge per journey, one successful job each, work shared by the two nodes. */
    private static void nudgeTimersDueAtOnceFireExactlyOnceAcrossBothNodes(DataSource db) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NudgeTimers.waiting(db, SEEDED) == TIMERS);
        NudgeTimers.makeDue(db, SEEDED);
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NudgeTimers.nudged(db, SEEDED) == TIMERS);
        assertThat(NudgeTimers.nudgedTwice(db, SEEDED)).isZero();
        assertThat(NudgeTimers.nudgeMessages(db, SEEDED)).isEqualTo(TIMERS);
        long byA = NudgeTimers.firedBy(db, SEEDED, "node-a");
        long byB = NudgeTimers.firedBy(db, SEEDED, "node-b");
        // Which node fires how many depends on when each one's executor looks (TwoNodeTimersBenchmark reports it):
        // what must hold is that together they fired each timer once.
        assertThat(byA + byB).as("successful timer jobs, node a + node b").isEqualTo(TIMERS);
        // Each journey waits again, a cadence step later, for its next nudge.
        assertThat(NudgeTimers.waiting(db, SEEDED)).isEqualTo(TIMERS);
    }

    @Test
    void twoNodesStartTogetherOnAnEmptyDatabaseAndADeliveryToBothGivesOneJourney() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            List<String> arguments = List.of("--passerelle.demo.enabled=false", "--spring.profiles.active=postgres,demo",
                    "--passerelle.channels.meta.app-secret=" + MetaWebhooks.SECRET, "--camunda.bpm.admin-user.password=two-nodes-admin",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    // Nudges go out at any hour: the test may run at night.
                    "--passerelle.followup.earliest-hour=0", "--passerelle.followup.latest-hour=24",
                    // A dead node's jobs and claimed deliveries are taken over after this (60 s by default).
                    "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS);
            Path first = Files.createTempDirectory("passerelle-node-a");
            Path second = Files.createTempDirectory("passerelle-node-b");
            // Node a, once started, puts journeys at their nudge timer; both nodes' job executors then fire them.
            try (ChildApplication a = ChildApplication.launch(first, SeedingNode.class.getName(), node("node-a", arguments,
                            "--seed.nudge-timers=" + TIMERS, "--seed.prefix=" + SEEDED));
                    ChildApplication b = ChildApplication.launch(second, SeedingNode.class.getName(), node("node-b", arguments))) {
                a.awaitReady(first);
                b.awaitReady(second);

                assertThat(count(postgres, "select count(*) from act_id_group where id_ = 'mediateurs'")).isOne();
                assertThat(count(postgres, "select count(*) from act_ru_filter where name_ = 'À traiter'")).isOne();

                String delivery = MetaWebhooks.whatsAppText("wamid.two-nodes-1", "33677770001", "Noé", "Bonjour");
                var toA = CompletableFuture.supplyAsync(() -> MetaWebhooks.signed(a.port(), "/webhooks/whatsapp", delivery));
                var toB = CompletableFuture.supplyAsync(() -> MetaWebhooks.signed(b.port(), "/webhooks/whatsapp", delivery));
                assertThat(toA.get().statusCode()).isEqualTo(200);
                assertThat(toB.get().statusCode()).isEqualTo(200);

                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        count(postgres, "select count(*) from inbox_delivery") == 2
                                && count(postgres, "select count(*) from inbox_delivery where status = 'RECEIVED'") == 0);
                assertThat(count(postgres, "select count(*) from youth where external_id = '33677770001'")).isOne();
                assertThat(count(postgres, "select count(*) from journey j join youth y on y.id = j.youth_id "
                        + "where y.external_id = '33677770001'")).isOne();
                assertThat(count(postgres, "select count(*) from act_ru_task where task_def_key_ = 'taskFirstAnswer'")).isOne();

                // The webapps' session lives on the node that opened it: what the README asks of the proxy.
                var cookies = new java.net.CookieManager();
                var browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
                browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + a.port()
                        + "/camunda/app/cockpit/default/")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
                var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + a.port()
                                + "/camunda/api/admin/auth/user/default/login/cockpit"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=two-nodes-admin")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                assertThat(login.statusCode()).isEqualTo(200);
                String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                        .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
                assertThat(sessionStatus(a.port(), session)).as("on the node that opened the session").isEqualTo(200);
                assertThat(sessionStatus(b.port(), session)).as("on the other node: sticky sessions needed").isEqualTo(401);

                nudgeTimersDueAtOnceFireExactlyOnceAcrossBothNodes(postgres.getPostgresDatabase());

                aNodeKilledMidLoadLeavesItsWorkToTheOther(postgres, a);
            }
        }
    }
}
