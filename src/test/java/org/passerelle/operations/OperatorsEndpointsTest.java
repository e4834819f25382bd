package org.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What the load balancer, Prometheus and integrators read, and what they may not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperatorsEndpointsTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theLoadBalancerReadsLivenessAndReadinessWithoutCredentialsAndWithoutDetails() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = send(get(port, path));
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("db", "diskSpace", "jobExecutor", "H2");
        }
    }

    @Test
    void metricsNeedAnOperatorsAccountAndNothingElseOfTheActuatorIsOpen() {
        String operator = TestUsers.ensure(identity, "prometheusScraper", Roles.OPERATORS);
        String mediator = TestUsers.ensure(identity, "curiousMediator", Roles.MEDIATORS);

        assertThat(send(get(port, "/actuator/prometheus")).statusCode()).isEqualTo(401);
        assertThat(send(get(port, "/actuator/prometheus").header("Authorization", basic(mediator, TestUsers.password(mediator))))
                .statusCode()).isEqualTo(403);
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/loggers"}) {
            assertThat(send(get(port, hidden).header("Authorization", basic(operator, TestUsers.password(operator)))).statusCode())
                    .as(hidden).isIn(403, 404);
        }
    }

    @Test
    void aLateFirstAnswerShowsInTheMetricsWithTheEnginesOwnCounters() {
        String operator = TestUsers.ensure(identity, "prometheusScraper2", Roles.OPERATORS);
        double before = value(scrape(operator), "passerelle_first_answers_late");
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "metrics-late-1", "Lou", "tiktok", "Bonjour"));
        String task = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId();
        taskService.setDueDate(task, Date.from(Instant.now().minusSeconds(3600)));

        String metrics = scrape(operator);

        assertThat(value(metrics, "passerelle_first_answers_late")).isEqualTo(before + 1);
        assertThat(value(metrics, "passerelle_journeys\\{[^}]*state=\"open\"")).isPositive();
        assertThat(metrics).contains("passerelle_intake_lag_seconds", "passerelle_outbox_failures{",
                "channel=\"whatsapp\"", "passerelle_incidents_open", "passerelle_jobs_backlog",
                "camunda_engine_metric{", "name=\"activity-instance-start\"", "application=\"passerelle\"");
    }

    @Test
    void everyPanelOfTheGrafanaDashboardReadsAMetricThatIsExposed() throws Exception {
        String metrics = scrape(TestUsers.ensure(identity, "prometheusScraper3", Roles.OPERATORS));
        JsonNode dashboard = json.readTree(java.nio.file.Path.of("ops/grafana/passerelle-dashboard.json").toFile());

        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode panel : dashboard.path("panels")) {
            String expr = panel.path("targets").path(0).path("expr").asText();
            Matcher metric = Pattern.compile("(passerelle_[a-z_]+|camunda_engine_metric)").matcher(expr);
            assertThat(metric.find()).as(panel.path("title").asText()).isTrue();
            assertThat(metrics).as(expr).contains(metric.group(1));
        }
    }

    @Test
    void theApiDescriptionNamesTheGroupsOfEveryCall() throws Exception {
        HttpResponse<String> response = send(get(port, "/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(response.body()).path("paths");

        assertThat(paths.path("/api/contacts").path("post").path("x-roles").toString())
                .contains(Roles.MEDIATORS, Roles.PROGRAMME_LEADS).doesNotContain(Roles.SUPERVISORS);
        assertThat(paths.path("/api/journeys/{journeyId}/personal-data").path("delete").path("x-roles").toString())
                .contains(Roles.PROGRAMME_LEADS).doesNotContain(Roles.MEDIATORS);
        assertThat(paths.path("/api/reporting/figures").path("get").path("x-roles").toString()).contains(Roles.SUPERVISORS);
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                assertThat(operation.getValue().path("x-roles").isArray()).as(path.getKey() + " " + operation.getKey()).isTrue()));
        assertThat(paths.has("/webhooks/whatsapp")).as("only /api is described").isFalse();
    }

    private String scrape(String operator) {
        HttpResponse<String> response = send(get(port, "/actuator/prometheus")
                .header("Authorization", basic(operator, TestUsers.password(operator))));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "[^\\n]* ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(line.find()).as(name).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
