package org.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Strangers can slow themselves down, not the mediators: wrong passwords and trickled bodies. */
// Its own engine name: the webapps' login finds its engine by name among the cached test contexts' engines.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=abuseTest")
@ActiveProfiles("test")
class AbuseResistanceTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    private HttpResponse<String> tasks(String user, String password, String source) {
        return Http.send(Http.get(port, "/engine-rest/engine/abuseTest/task").header("Authorization", Http.basic(user, password))
                .header("X-Forwarded-For", source));
    }

    @Test
    void anAttackerGuessingAMediatorsPasswordIsStoppedAndTheMediatorStillLogsIn() {
        String mediator = TestUsers.ensure(identity, "victimMediator", Roles.MEDIATORS);
        List<Integer> attacker = new ArrayList<>();
        for (int attempt = 0; attempt < 14; attempt++) {
            attacker.add(tasks(mediator, "guess-" + attempt, "203.0.113.7").statusCode());
        }

        assertThat(attacker.subList(0, 10)).containsOnly(401);
        assertThat(attacker.subList(11, 14)).containsOnly(429);
        assertThat(tasks(mediator, TestUsers.password(mediator), "203.0.113.7").statusCode())
                .as("the attacker's address stays refused, even with the right password").isEqualTo(429);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> tasks(mediator, TestUsers.password(mediator), "198.51.100.2").statusCode() == 200);
        assertThat(identity.createUserQuery().userId(mediator).count()).isOne();
    }

    @Test
    void theWebappLoginFormIsThrottledTheSameWay() throws Exception {
        String mediator = TestUsers.ensure(identity, "formVictim", Roles.MEDIATORS);
        // As the browser does: the login page gives the CSRF cookie the login request must echo.
        var cookies = new java.net.CookieManager();
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 12; attempt++) {
            browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/abuseTest/"))
                    .header("X-Forwarded-For", "203.0.113.8").GET().build(), HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
            statuses.add(browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/camunda/api/admin/auth/user/abuseTest/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.8")
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + mediator + "&password=faux" + attempt)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.get(11)).isEqualTo(429);
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/app/tasklist/abuseTest/"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.9").GET().build(),
                HttpResponse.BodyHandlers.discarding());

        // The CSRF cookie is Secure in production by configuration (application-postgres.yaml).
        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly"));
    }

    @Test
    void twoHundredTrickledWebhookBodiesDoNotSlowAMediator() throws Exception {
        String mediator = TestUsers.ensure(identity, "busyMediator", Roles.MEDIATORS);
        assertThat(tasks(mediator, TestUsers.password(mediator), "198.51.100.3").statusCode()).as("warm-up").isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /webhooks/whatsapp HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(socket -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(' ');
                    out.flush();
                } catch (Exception closedByServer) {
                    // refused or timed out: what we want
                }
            }), 1, 1, TimeUnit.SECONDS);
            Thread.sleep(2000);

            List<Long> millis = new ArrayList<>();
            for (int call = 0; call < 5; call++) {
                long started = System.nanoTime();
                var response = tasks(mediator, TestUsers.password(mediator), "198.51.100.3");
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                assertThat(response.statusCode()).isEqualTo(200);
            }
            // Starved, the first call waits until the slow bodies time out (about 9 s measured without the limit).
            assertThat(java.util.Collections.max(millis)).as("mediator's GET /engine-rest/task under 200 slow bodies, "
                    + millis).isLessThan(1000);
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
