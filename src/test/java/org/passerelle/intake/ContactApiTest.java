package org.passerelle.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.postJson;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyGateway.Started;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.HeldTransaction;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ContactApiTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired JourneyGateway gateway;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private String mediator;

    @BeforeEach
    void users() {
        mediator = TestUsers.ensure(identity, "apiMediator", Roles.MEDIATORS);
        TestUsers.ensure(identity, "apiSupervisor", Roles.SUPERVISORS);
    }

    private HttpResponse<String> post(String user, String body) {
        return send(postJson(port, "/api/contacts", body).header("Authorization", basic(user, TestUsers.password(user))));
    }

    private static String contact(String externalId) {
        return """
                {"channel":"whatsapp","externalId":"%s","firstName":"Neila","campaign":"tiktok-automne",
                 "message":"Bonjour, je cherche un travail"}""".formatted(externalId);
    }

    /** What the log must never hold: who wrote (a WhatsApp id is a phone number), their name, their words. */
    private static void assertNoPersonalData(CapturedOutput output, String externalId) {
        assertThat(output.getAll()).doesNotContain(externalId).doesNotContain("Neila").doesNotContain("je cherche un travail");
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void aContactOpensAJourneyAndAFirstAnswerTaskForMediators() throws Exception {
        HttpResponse<String> response = post(mediator, contact("api-new-1"));

        assertThat(response.statusCode()).isEqualTo(201);
        long journeyId = body(response).get("journeyId").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/journeys/" + journeyId);
        String instanceId = body(response).get("processInstanceId").asText();
        var task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> Roles.MEDIATORS.equals(l.getGroupId()));
    }

    @Test
    void theSameContactTwiceGivesTheSameJourney() throws Exception {
        HttpResponse<String> first = post(mediator, contact("api-twice-1"));
        HttpResponse<String> second = post(mediator, contact("api-twice-1"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(body(second).get("journeyId")).isEqualTo(body(first).get("journeyId"));
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(body(first).get("journeyId").asText()).count()).isOne();
    }

    @Test
    void concurrentDeliveriesOfTheSameContactGiveOneJourney() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        Callable<HttpResponse<String>> call = () -> post(mediator, contact("api-race-1"));
        for (int i = 0; i < 4; i++) {
            responses.add(pool.submit(call));
        }
        List<Long> journeyIds = new ArrayList<>();
        for (var response : responses) {
            assertThat(response.get().statusCode()).isIn(200, 201);
            journeyIds.add(body(response.get()).get("journeyId").asLong());
        }
        pool.shutdown();

        assertThat(journeyIds).containsOnly(journeyIds.get(0));
        assertThat(youths.findByChannelAndExternalId("whatsapp", "api-race-1")).isPresent();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(journeyIds.get(0).toString()).count()).isOne();
    }

    @Test
    void aTwinThatLosesTheRaceOnTheUniqueConstraintAnswersWithTheWinnersJourney(CapturedOutput output) throws Exception {
        String phone = "590690000042";
        var winner = HeldTransaction.begin(transactions, () -> gateway.startFromFirstContact(
                new FirstContact("whatsapp", phone, "Neila", null, "Bonjour, je cherche un travail")));

        // The twin does not see the uncommitted youth, inserts it too and waits on the unique key.
        var twin = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> answer = twin.submit(() -> post(mediator, contact(phone)));
        HeldTransaction.awaitWaitingStatement(dataSource, "insert into youth");
        Started won = winner.commit();
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        twin.shutdown();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("journeyId").asLong()).isEqualTo(won.journeyId());
        assertThat(body(response).get("processInstanceId").asText()).isEqualTo(won.processInstanceId());
        assertThat(journeys.countByYouthId(youths.findByChannelAndExternalId("whatsapp", phone).orElseThrow().getId()))
                .isOne();
        assertNoPersonalData(output, phone);
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsStored(CapturedOutput output) throws Exception {
        long youthsBefore = youths.count();
        long journeysBefore = journeys.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        var missingId = post(mediator, "{\"channel\":\"whatsapp\",\"message\":\"Salut\"}");
        var unknownChannel = post(mediator, "{\"channel\":\"fax\",\"externalId\":\"b1\",\"message\":\"Salut\"}");
        var tooLong = post(mediator, "{\"channel\":\"web\",\"externalId\":\"b2\",\"message\":\"" + "a".repeat(4001) + "\"}");
        var malformed = post(mediator, "{\"channel\":\"web\",\"externalId\":\"590690000003\",\"firstName\":\"Neila\",");

        for (var response : List.of(missingId, unknownChannel, tooLong, malformed)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(body(missingId).get("errors").findValuesAsText("field")).containsExactly("externalId");
        assertThat(body(unknownChannel).get("errors").findValuesAsText("field")).containsExactly("channel");
        assertThat(body(tooLong).get("errors").findValuesAsText("field")).containsExactly("message");
        assertThat(malformed.body()).doesNotContain("channel").doesNotContain("Neila");
        assertThat(youths.count()).isEqualTo(youthsBefore);
        assertThat(journeys.count()).isEqualTo(journeysBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertNoPersonalData(output, "590690000003");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        long youthsBefore = youths.count();
        var response = send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/contacts"))
                .header("Content-Type", "text/plain").header("Authorization", basic(mediator, TestUsers.password(mediator)))
                .POST(HttpRequest.BodyPublishers.ofString("bonjour")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(youths.count()).isEqualTo(youthsBefore);
    }

    @Test
    void anonymousCallsAreRefused() {
        assertThat(send(postJson(port, "/api/contacts", contact("anon-1"))).statusCode()).isEqualTo(401);
        assertThat(send(get(port, "/api/journeys/1")).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        String user = TestUsers.ensure(identity, "apiWrongPassword", Roles.MEDIATORS);
        var response = send(postJson(port, "/api/contacts", contact("wrong-1")).header("Authorization", basic(user, "nope")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void supervisorsReadJourneysButCannotCreateContacts() throws Exception {
        assertThat(post("apiSupervisor", contact("sup-1")).statusCode()).isEqualTo(403);

        long journeyId = body(post(mediator, contact("sup-2"))).get("journeyId").asLong();
        var status = send(get(port, "/api/journeys/" + journeyId)
                .header("Authorization", basic("apiSupervisor", TestUsers.password("apiSupervisor"))));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(body(status).get("status").asText()).isEqualTo("OPEN");
        assertThat(status.body()).doesNotContain("Neila").doesNotContain("travail");
        var unknown = send(get(port, "/api/journeys/999999")
                .header("Authorization", basic("apiSupervisor", TestUsers.password("apiSupervisor"))));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
