package org.passerelle.channels;

import org.passerelle.conversation.Template;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.inbox.LeadIntake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Answers and nudges reach WhatsApp and Messenger through the Graph API (a local WireMock stub). */
// Its own engine name: the engines of cached test contexts must not replace each other in the JVM.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=graphApiTest")
@ActiveProfiles("test")
class GraphApiSendingTest {

    private static final String WHATSAPP_SEND = "/v23.0/1122334455/messages";
    private static final String MESSENGER_SEND = "/v23.0/me/messages";
    private static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        graph.start();
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry properties) {
        properties.add("passerelle.channels.meta.graph-base-url", graph::baseUrl);
        properties.add("passerelle.channels.meta.whatsapp-phone-number-id", () -> "1122334455");
        properties.add("passerelle.channels.meta.whatsapp-token", () -> "test-whatsapp-token");
        properties.add("passerelle.channels.meta.page-token", () -> "test-page-token");
    }

    @LocalServerPort int port;
    @Autowired ManagementService managementService;
    @Autowired
    private org.passerelle.channels.inbox.IntakeTrigger intakeTrigger;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired ConversationMessageRepository messages;
    @Autowired OutboundMessages outbound;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    void resetStub() {
        graph.resetAll();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void stopStub() {
        graph.stop();
    }

    private Journey youthWrites(String channel, String body, String externalId) {
        MetaWebhooks.signed(port, channel.equals("whatsapp") ? "/webhooks/whatsapp" : "/webhooks/messenger", body);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        var youth = youths.findByChannelAndExternalId(channel, externalId).orElseThrow();
        return journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
    }

    private Job answer(Journey journey, String text) {
        var task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        taskService.complete(task.getId(), Map.of(Vars.ANSWER_TEXT, text));
        return managementService.createJobQuery().processInstanceId(journey.getProcessInstanceId())
                .activityId("taskSendFirstAnswer").singleResult();
    }

    /** A youth answered once, then silent until the first nudge is due (the stub then holds no mapping). */
    private Journey answeredAndSilent(String wamid, String phone, String name) {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.first\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText(wamid, phone, name, "Bonjour"), phone);
        managementService.executeJob(answer(journey, "Bonjour " + name).getId());
        Date nudgeAt = (Date) runtimeService.getVariable(journey.getProcessInstanceId(), Vars.NEXT_NUDGE_AT);
        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        graph.resetAll();
        return journey;
    }

    private Job nudgeTimer(Journey journey) {
        return managementService.createJobQuery().processInstanceId(journey.getProcessInstanceId())
                .activityId("timerNextNudge").singleResult();
    }

    private ConversationMessage lastMessage(Journey journey) {
        var conversation = messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId());
        return conversation.get(conversation.size() - 1);
    }

    @Test
    void theMediatorsAnswerIsSentAsWhatsAppTextInsideTheServiceWindow() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"33633330001\",\"wa_id\":\"33633330001\"}],\"messages\":[{\"id\":\"wamid.out-1\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g1", "33633330001", "Neila", "Bonjour"), "33633330001");

        managementService.executeJob(answer(journey, "Bonjour Neila, je suis Amina.").getId());

        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withHeader("Authorization", equalTo("Bearer test-whatsapp-token"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("33633330001")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Bonjour Neila, je suis Amina."))));
        assertThat(lastMessage(journey).getStatus()).isEqualTo(ConversationMessage.Status.SENT);
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.out-1");
    }

    @Test
    void aTextRefusedLaterBecauseTheWindowClosedIsSentAgainAsTheTemplateOnce() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.late-1\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g9", "33633330009", "Inès", "Bonjour"), "33633330009");
        managementService.executeJob(answer(journey, "Bonjour Inès !").getId());
        String failed = """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                 "statuses":[{"id":"wamid.late-1","status":"failed","timestamp":"1763900100","recipient_id":"33633330009",
                   "errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}""";

        MetaWebhooks.signed(port, "/webhooks/whatsapp", failed);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.type", equalTo("text"))));
        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.type", equalTo("template"))));
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).extracting(ConversationMessage::getDeliveryStatus)
                .contains("failed");
    }

    @Test
    void anUndeliverableMessageGivesTheMediatorATaskToReachTheYouthAnotherWay() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.lost-1\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g10", "33633330010", "Sofiane", "Bonjour"), "33633330010");
        managementService.executeJob(answer(journey, "Bonjour Sofiane, on se parle demain ?").getId());
        String failed = """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                 "statuses":[{"id":"wamid.lost-1","status":"failed","timestamp":"1763900100","recipient_id":"33633330010",
                   "errors":[{"code":131026,"title":"Message Undeliverable"}]}]}}]}]}""";

        MetaWebhooks.signed(port, "/webhooks/whatsapp", failed);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        MetaWebhooks.signed(port, "/webhooks/whatsapp", failed.replace("1763900100", "1763900200"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        var instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(journey.getId().toString()).singleResult();
        var tasks = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(YouthJourney.Tasks.REACH_YOUTH_OTHERWISE).list();
        assertThat(tasks).as("one task, however often the failure is reported").hasSize(1);
        assertThat(taskService.getVariables(tasks.get(0).getId())).containsEntry(YouthJourney.Vars.UNDELIVERED_TEXT,
                "Bonjour Sofiane, on se parle demain ?").containsEntry(YouthJourney.Vars.OTHER_CONTACTS, "appel ou SMS au +33633330010")
                .hasEntrySatisfying(YouthJourney.Vars.UNDELIVERED_REASON, reason -> assertThat(reason.toString())
                        .startsWith("message impossible à remettre"));
        assertThat(tasks.get(0).getDueDate()).isNotNull();
        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.type", equalTo("template"))));

        taskService.complete(tasks.get(0).getId(), Map.of(YouthJourney.Vars.REACHED_BY, "telephone"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId("taskRecordReachedOtherwise").singleResult().getId());
        assertThat(journeys.findById(journey.getId()).orElseThrow().getLastContactAt()).isAfter(java.time.Instant.now().minusSeconds(60));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                .as("the journey goes on").isOne();
    }

    @Test
    void outsideTheWindowAnAppointmentGoesAsItsOwnTemplateWithDateAndPlaceAndAResendKeepsIt() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.rdv-1\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g11", "33633330011", "Maëlle", "Bonjour"), "33633330011");
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 30L * 3600 * 1000));

        var appointment = new Template(Template.APPOINTMENT, java.util.List.of("Maëlle", "Mission Locale de Lens",
                "le mardi 15 décembre à 14 h 30, 2 rue\nde Lille", ""));
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status ->
                outbound.send(journeys.findById(journey.getId()).orElseThrow(), ConversationMessage.Kind.NUDGE,
                        "Bonne nouvelle Maëlle ! …", appointment));

        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("rendez_vous_partenaire")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("Mission Locale de Lens")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[2].text",
                        equalTo("le mardi 15 décembre à 14 h 30, 2 rue de Lille")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[3].text", equalTo("—"))));
        assertThat(lastMessage(journey).template()).isEqualTo(new Template(Template.APPOINTMENT, java.util.List.of("Maëlle",
                "Mission Locale de Lens", "le mardi 15 décembre à 14 h 30, 2 rue de Lille", "—")));

        // Refused later as outside the window: sent again as the same appointment template, not the generic nudge.
        outbound.resendOutsideWindow(lastMessage(journey));
        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("relance_passerelle"))));
        graph.verify(2, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("rendez_vous_partenaire"))));
    }

    private java.net.http.HttpResponse<byte[]> openMedia(String mediaId, String user) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/medias/whatsapp/" + mediaId));
        if (user != null) {
            request.header("Authorization", org.passerelle.testsupport.Http.basic(user, org.passerelle.testsupport.TestUsers.password(user)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theMediatorOpensTheImageAYouthSentAndReadsASharedContact() throws Exception {
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x42};
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v23.0/4455667788"))
                .willReturn(okJson("{\"url\":\"" + graph.baseUrl() + "/media/cv-photo\",\"mime_type\":\"image/jpeg\",\"id\":\"4455667788\"}")));
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/media/cv-photo"))
                .withHeader("Authorization", equalTo("Bearer test-whatsapp-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(photo)));
        String image = MetaWebhooks.whatsAppMessage("wamid.g12", "\"from\":\"33633330012\",", MetaWebhooks.contact("33633330012", "Yanis"),
                "\"type\":\"image\",\"image\":{\"id\":\"4455667788\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"caption\":\"Mon CV\"}");
        Journey journey = youthWrites("whatsapp", image, "33633330012");
        String card = MetaWebhooks.whatsAppMessage("wamid.g13", "\"from\":\"33633330012\",", MetaWebhooks.contact("33633330012", "Yanis"),
                "\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":\"Léa Martin\",\"first_name\":\"Léa\"},"
                        + "\"phones\":[{\"phone\":\"+33 6 12 34 56 78\",\"type\":\"CELL\"}]}]");
        MetaWebhooks.signed(port, "/webhooks/whatsapp", card);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        var task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId()).taskDefinitionKey(Tasks.FIRST_ANSWER)
                .singleResult();
        assertThat(taskService.getVariable(task.getId(), "firstMessage").toString())
                .contains("[photo à ouvrir : http://localhost/medias/whatsapp/4455667788] Mon CV");
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).last()
                .extracting(ConversationMessage::getBody).isEqualTo("[contact partagé] Léa Martin +33 6 12 34 56 78");

        String mediator = org.passerelle.testsupport.TestUsers.ensure(identityService, "mediaMediator", org.passerelle.security.Roles.MEDIATORS);
        String supervisor = org.passerelle.testsupport.TestUsers.ensure(identityService, "mediaSupervisor", org.passerelle.security.Roles.SUPERVISORS);
        var opened = openMedia("4455667788", mediator);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(photo);
        assertThat(opened.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(opened.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(openMedia("4455667788", null).statusCode()).isEqualTo(401);
        assertThat(openMedia("4455667788", supervisor).statusCode()).isEqualTo(403);
        assertThat(openMedia("9999999999", mediator).statusCode()).as("not in any conversation").isEqualTo(404);
        assertThat(openMedia("..%2F..%2Fetc", mediator).statusCode()).isIn(400, 404);
    }

    @Test
    void aFirstMessageProcessedLateKeepsTheTimeTheYouthWroteItAndThePromiseRunsFromThen() {
        java.time.Instant wrote = java.time.Instant.now().minus(java.time.Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String late = MetaWebhooks.whatsAppText("wamid.g14", "33633330014", "Noé", "Bonjour")
                .replace("\"timestamp\":\"1763900000\"", "\"timestamp\":\"" + wrote.getEpochSecond() + "\"");
        Journey journey = youthWrites("whatsapp", late, "33633330014");

        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()).get(0).getCreatedAt()).isEqualTo(wrote);
        var firstAnswer = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        assertThat(firstAnswer.getDueDate().toInstant()).isEqualTo(wrote.plus(java.time.Duration.ofHours(24)));

        String future = MetaWebhooks.whatsAppText("wamid.g15", "33633330015", "Noé", "Bonjour")
                .replace("\"timestamp\":\"1763900000\"", "\"timestamp\":\"" + (wrote.getEpochSecond() + 86_400) + "\"");
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        Journey other = youthWrites("whatsapp", future, "33633330015");
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(other.getId()).get(0).getCreatedAt())
                .as("a time in the future is not believed").isAfter(before);
    }

    @Test
    void outsideTheWindowTheApprovedTemplateIsSentInstead() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.tpl-1\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g2", "33633330002", "Emma", "Bonjour"), "33633330002");
        Job send = answer(journey, "Tu es toujours là ?");

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 25L * 3600 * 1000));
        managementService.executeJob(send.getId());

        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("relance_passerelle")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("fr")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Emma"))));
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.tpl-1");
    }

    @Test
    void error131047FallsBackToTheTemplate() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047}}")));
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .willReturn(okJson("{\"messages\":[{\"id\":\"wamid.tpl-2\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g3", "33633330003", "Yanis", "Bonjour"), "33633330003");

        managementService.executeJob(answer(journey, "Coucou Yanis").getId());

        graph.verify(2, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.tpl-2");
    }

    @Test
    void aRateLimitIsRetriedAndThenSucceeds() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":130429,\"message\":\"Rate limit hit\"}}"))
                .willSetStateTo("cooled"));
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).inScenario("rate").whenScenarioStateIs("cooled")
                .willReturn(okJson("{\"messages\":[{\"id\":\"wamid.after-429\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g4", "33633330004", "Kevin", "Bonjour"), "33633330004");
        Job send = answer(journey, "Salut Kevin");

        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("HTTP 429");
        Job retried = managementService.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(retried.getRetries()).as("first try, then 4 retries with growing delays").isEqualTo(4);
        assertThat(retried.getDuedate()).isAfter(new Date());
        managementService.executeJob(send.getId());

        graph.verify(2, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.after-429");
    }

    @Test
    void aConnectionCutByThePlatformIsRetriedAndTheAnswerLeavesOnceItIsBack() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).inScenario("cut").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("back"));
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).inScenario("cut").whenScenarioStateIs("back")
                .willReturn(okJson("{\"messages\":[{\"id\":\"wamid.after-reset\"}]}")));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g4r", "33633330914", "Inès", "Bonjour"), "33633330914");
        Job send = answer(journey, "Bonjour Inès");

        assertThatThrownBy(() -> managementService.executeJob(send.getId())).isNotNull();
        Job retried = managementService.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(retried.getRetries()).as("retried later, no incident yet").isEqualTo(4);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isZero();
        managementService.executeJob(send.getId());

        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.after-reset");
        graph.verify(2, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
    }

    @Test
    void anIncidentIsRecordedEvenWhenTellingTheMediatorsFails() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(aResponse().withStatus(500)));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g5b", "33633330915", "Lou", "Bonjour"), "33633330915");
        Job send = answer(journey, "Bonjour Lou");
        // A journey the mediators' task cannot be made for: the incident must still be there, and the job stop.
        runtimeService.setVariable(journey.getProcessInstanceId(), YouthJourney.Vars.JOURNEY_ID, 987_654_321L);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(send.getId())).isNotNull();
        }

        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isOne();
        assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isZero();
        // Other tests count incidents: this journey leaves with its incident.
        runtimeService.deleteProcessInstance(journey.getProcessInstanceId(), "test done");
    }

    @Test
    void aPlatformThatKeepsFailingEndsAsAnIncidentInCockpit() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(aResponse().withStatus(500)));
        Journey journey = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.g5", "33633330005", "Sarah", "Bonjour"), "33633330005");
        Job send = answer(journey, "Bonjour Sarah");

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("HTTP 500");
        }

        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isOne();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()))
                .noneMatch(m -> m.getDirection() == ConversationMessage.Direction.OUT);
        // The mediators know at once which youth is waiting, and with what.
        var reach = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(YouthJourney.Tasks.REACH_YOUTH_OTHERWISE).singleResult();
        assertThat(reach).as("Joindre le jeune autrement").isNotNull();
        assertThat(taskService.getVariables(reach.getId())).containsEntry(YouthJourney.Vars.UNDELIVERED_TEXT, "Bonjour Sarah")
                .hasEntrySatisfying(YouthJourney.Vars.UNDELIVERED_REASON, reason -> assertThat(reason.toString())
                        .contains("la messagerie ne répond pas"));

        // The platform is back: a programme lead retries the job from Cockpit (one click: its REST call), the answer leaves.
        graph.resetAll();
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.after-incident\"}]}")));
        String lead = org.passerelle.testsupport.TestUsers.ensure(identityService, "retryLead", org.passerelle.security.Roles.PROGRAMME_LEADS);
        var retry = org.passerelle.testsupport.Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/engine-rest/engine/" + processEngine.getName() + "/job/" + send.getId() + "/retries"))
                .header("Authorization", org.passerelle.testsupport.Http.basic(lead, org.passerelle.testsupport.TestUsers.password(lead)))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"retries\":1}")));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);
        managementService.executeJob(send.getId());
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.after-incident");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void messengerAnswersWithinTheWindowAndForbidsAutomatedNudgesAfterIt() {
        graph.stubFor(post(urlEqualTo(MESSENGER_SEND)).willReturn(okJson("{\"recipient_id\":\"7777000011112222\",\"message_id\":\"m_out_1\"}")));
        Journey journey = youthWrites("messenger", MetaWebhooks.messengerText("m_g6", "7777000011112222", "Bonjour"), "7777000011112222");
        managementService.executeJob(answer(journey, "Bonjour, comment puis-je t'aider ?").getId());
        graph.verify(postRequestedFor(urlEqualTo(MESSENGER_SEND))
                .withHeader("Authorization", equalTo("Bearer test-page-token"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("7777000011112222")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE"))));

        // Three days of silence: the nudge is due, but Messenger forbids it, so a mediator calls instead.
        Date nudgeAt = (Date) runtimeService.getVariable(journey.getProcessInstanceId(), Vars.NEXT_NUDGE_AT);
        ClockUtil.setCurrentTime(new Date(nudgeAt.getTime() + 60_000));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(journey.getProcessInstanceId())
                .activityId("timerNextNudge").singleResult().getId());

        graph.verify(1, postRequestedFor(urlEqualTo(MESSENGER_SEND)));
        assertThat(lastMessage(journey).getStatus()).isEqualTo(ConversationMessage.Status.FAILED);
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.PHONE_FOLLOW_UP).count()).isOne();
    }

    @Test
    void aNudgeThePlatformRefusesIsRetriedFromItsTimerAndDecidedAgainWhenItComesBack() {
        Journey journey = answeredAndSilent("wamid.n1", "33633330931", "Yanis");
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(aResponse().withStatus(503)));
        Job timer = nudgeTimer(journey);

        assertThatThrownBy(() -> managementService.executeJob(timer.getId())).hasMessageContaining("HTTP 503");

        Job retried = managementService.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(retried.getRetries()).as("the timer's job is retried, no incident yet").isEqualTo(4);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isZero();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()))
                .as("nothing kept of the failed try").noneMatch(m -> m.getKind() == ConversationMessage.Kind.NUDGE);

        // The youth writes before the retry: the retry decides again, and a youth who just wrote is not nudged.
        youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.n2", "33633330931", "Yanis", "Je suis là"), "33633330931");
        graph.resetAll();
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.late\"}]}")));
        managementService.executeJob(timer.getId());

        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()))
                .noneMatch(m -> m.getKind() == ConversationMessage.Kind.NUDGE);
        Date next = (Date) runtimeService.getVariable(journey.getProcessInstanceId(), Vars.NEXT_NUDGE_AT);
        assertThat(next).as("the next nudge waits for a new silence").isAfter(ClockUtil.getCurrentTime());
        assertThat(nudgeTimer(journey).getDuedate()).isEqualTo(next);
    }

    @Test
    void aNudgeThatNeverLeavesEndsAsAnIncidentOnItsTimerAndTheMediatorsCallTheYouth() {
        Journey journey = answeredAndSilent("wamid.n3", "33633330932", "Maëlle");
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(aResponse().withStatus(500)));
        Job timer = nudgeTimer(journey);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(timer.getId())).hasMessageContaining("HTTP 500");
        }

        var incident = runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("timerNextNudge");
        assertThat(incident.getFailedActivityId()).isEqualTo("taskSendNudge");
        var reach = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(YouthJourney.Tasks.REACH_YOUTH_OTHERWISE).singleResult();
        assertThat(reach).as("Joindre le jeune autrement").isNotNull();
        assertThat(taskService.getVariables(reach.getId())).containsEntry(YouthJourney.Vars.UNDELIVERED_TEXT, "(relance automatique)");

        graph.resetAll();
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.nudge-back\"}]}")));
        managementService.setJobRetries(timer.getId(), 1);
        managementService.executeJob(timer.getId());
        assertThat(lastMessage(journey).getKind()).isEqualTo(ConversationMessage.Kind.NUDGE);
        assertThat(lastMessage(journey).getProviderMessageId()).isEqualTo("wamid.nudge-back");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void aNudgeTimerThatFailsBeforeSendingIsAnIncidentWithoutTellingTheMediatorsTheMessagingIsDown() {
        Journey journey = answeredAndSilent("wamid.n4", "33633330933", "Inaya");
        Job timer = nudgeTimer(journey);
        // The follow-up cannot be decided (its journey is gone): nothing was to be sent.
        runtimeService.setVariable(journey.getProcessInstanceId(), YouthJourney.Vars.JOURNEY_ID, 987_654_322L);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(timer.getId())).isNotNull();
        }

        var incident = runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("timerNextNudge");
        assertThat(incident.getFailedActivityId()).isEqualTo("taskDecideFollowUp");
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(YouthJourney.Tasks.REACH_YOUTH_OTHERWISE).count()).isZero();
        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
        // Other tests count incidents: this journey leaves with its incident.
        runtimeService.deleteProcessInstance(journey.getProcessInstanceId(), "test done");
    }

    @Test
    void answersToTapGoAsReplyButtonsOnWhatsAppAndQuickRepliesOnMessenger() {
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.buttons\"}]}")));
        graph.stubFor(post(urlEqualTo(MESSENGER_SEND)).willReturn(okJson("{\"recipient_id\":\"7777000011113333\",\"message_id\":\"m_quick\"}")));
        Journey whatsApp = youthWrites("whatsapp", MetaWebhooks.whatsAppText("wamid.q1", "33633330077", "Léna", "Bonjour"), "33633330077");
        Journey messenger = youthWrites("messenger", MetaWebhooks.messengerText("m_q1", "7777000011113333", "Bonjour"), "7777000011113333");
        var replies = java.util.List.of("Ça se passe bien", "Pas encore vus", "Arrêter le mentorat");
        var template = new Template(Template.MENTORSHIP_CHECK_IN, java.util.List.of("Léna", "Sandrine Payet"));

        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        for (Journey journey : java.util.List.of(whatsApp, messenger)) {
            transaction.executeWithoutResult(status -> outbound.send(journeys.findById(journey.getId()).orElseThrow(),
                    ConversationMessage.Kind.NUDGE, "Comment se passe ton mentorat ? Réponds 1, 2 ou 3.", template, replies));
        }

        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.type", equalTo("interactive")))
                .withRequestBody(matchingJsonPath("$.interactive.type", equalTo("button")))
                .withRequestBody(matchingJsonPath("$.interactive.body.text", equalTo("Comment se passe ton mentorat ? Réponds 1, 2 ou 3.")))
                .withRequestBody(matchingJsonPath("$.interactive.action.buttons[2].reply.title", equalTo("Arrêter le mentorat"))));
        graph.verify(1, postRequestedFor(urlEqualTo(MESSENGER_SEND))
                .withRequestBody(matchingJsonPath("$.message.quick_replies[0].title", equalTo("Ça se passe bien")))
                .withRequestBody(matchingJsonPath("$.message.quick_replies[0].content_type", equalTo("text"))));
        assertThat(lastMessage(whatsApp).quickReplies()).isEqualTo(replies);
        assertThat(lastMessage(whatsApp).getStatus()).isEqualTo(ConversationMessage.Status.SENT);
    }

    private static String leadgen(String leadgenId) {
        return """
                {"object":"page","entry":[{"id":"PAGE_ID","time":1763900000,"changes":[{"field":"leadgen","value":{
                  "leadgen_id":"%s","page_id":"PAGE_ID","form_id":"form-walt-2026","adgroup_id":"adset-9","ad_id":"ad-42",
                  "created_time":1763900000}}]}]}""".formatted(leadgenId);
    }

    private void stubLead(String leadgenId, String consent) {
        stubLead(leadgenId, consent, "+262 692 00 00 01");
    }

    private void stubLead(String leadgenId, String consent, String phone) {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v23.0/" + leadgenId)).willReturn(okJson("""
                {"id":"%s","created_time":"2026-11-23T10:00:00+0000","ad_id":"ad-42","form_id":"form-walt-2026",
                 "field_data":[{"name":"full_name","values":["Maëva Hoarau"]},{"name":"phone_number","values":["%s"]},
                  {"name":"email","values":["maeva.h@example.org"]},{"name":"post_code","values":["97410"]},
                  {"name":"date_of_birth","values":["03/15/2007"]},
                  {"name":"situation","values":["Je cherche un emploi"]},{"name":"consentement_whatsapp","values":["%s"]}]}"""
                .formatted(leadgenId, phone, consent))));
    }

    private static String twoLeads(String first, String second) {
        return """
                {"object":"page","entry":[{"id":"PAGE_ID","time":1763900000,"changes":[
                  {"field":"leadgen","value":{"leadgen_id":"%s","page_id":"PAGE_ID","form_id":"form-walt-2026","ad_id":"ad-42","created_time":1763900000}},
                  {"field":"leadgen","value":{"leadgen_id":"%s","page_id":"PAGE_ID","form_id":"form-walt-2026","ad_id":"ad-42","created_time":1763900001}}]}]}"""
                .formatted(first, second);
    }

    @Test
    void aLeadWhoAcceptedWhatsAppIsAnsweredThereWithTheApprovedTemplate() {
        stubLead("lead-1001", "oui");
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.lead-tpl\"}]}")));

        assertThat(MetaWebhooks.signed(port, "/webhooks/messenger", leadgen("lead-1001")).statusCode()).isEqualTo(200);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        var youth = youths.findByChannelAndExternalId("whatsapp", "262692000001").orElseThrow();
        assertThat(youth.getFirstName()).isEqualTo("Maëva");
        assertThat(youth.getCampaign()).isEqualTo("lead:form-walt-2026/ad:ad-42");
        Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()).get(0).getBody())
                .contains("situation : Je cherche un emploi").doesNotContain("692");
        managementService.executeJob(answer(journey, "Bonjour Maëva, merci pour ton formulaire !").getId());
        graph.verify(1, postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("262692000001"))));
    }

    @Test
    void aLeadWithoutWhatsAppConsentKeepsHowToReachTheYouthAndWhatTheDiagnosticAsks() {
        stubLead("lead-1003", "non", "0693 00 00 03");

        MetaWebhooks.signed(port, "/webhooks/messenger", leadgen("lead-1003"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        var youth = youths.findByChannelAndExternalId("leadAds", "lead-1003").orElseThrow();
        assertThat(youth.getFullName()).isEqualTo("Maëva Hoarau");
        assertThat(youth.getContactPhone()).isEqualTo("262693000003");
        assertThat(youth.getContactEmail()).isEqualTo("maeva.h@example.org");
        assertThat(youth.getDepartement()).isEqualTo("974");
        assertThat(youth.getBirthDate()).isEqualTo(java.time.LocalDate.of(2007, 3, 15));
        Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()).get(0).getBody())
                .contains("sans accord pour WhatsApp", "par téléphone (appel ou SMS) au 0693 00 00 03",
                        "par courriel à maeva.h@example.org", "situation : Je cherche un emploi");

        // The mediator's diagnostic opens with what the form already said.
        var firstAnswer = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        taskService.complete(firstAnswer.getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Maëva, je t'appelle demain."));
        managementService.createJobQuery().processInstanceId(journey.getProcessInstanceId()).list().stream()
                .filter(j -> j.getDuedate() == null || !j.getDuedate().after(new Date()))
                .forEach(j -> managementService.executeJob(j.getId()));
        var diagnostic = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult();
        assertThat(taskService.getVariables(diagnostic.getId())).containsEntry(Vars.BIRTH_DATE, "2007-03-15")
                .containsEntry(Vars.DEPARTEMENT, "974");
    }

    @Test
    void aLeadWhosePhoneIsAKnownWhatsAppYouthJoinsThatYouth() {
        MetaWebhooks.signed(port, "/webhooks/whatsapp", MetaWebhooks.whatsAppText("wamid.lead-known", "262692000004", "Maëva", "Bonjour"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        stubLead("lead-1004", "non", "+262692000004");

        MetaWebhooks.signed(port, "/webhooks/messenger", leadgen("lead-1004"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        assertThat(youths.findByChannelAndExternalId("leadAds", "lead-1004")).isEmpty();
        var youth = youths.findByChannelAndExternalId("whatsapp", "262692000004").orElseThrow();
        assertThat(journeys.countByYouthId(youth.getId())).isOne();
        Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).extracting(ConversationMessage::getBody)
                .anySatisfy(body -> assertThat(body).contains("Formulaire publicitaire rempli"));
        assertThat(youth.getContactEmail()).isEqualTo("maeva.h@example.org");
    }

    @Test
    void anUnreadableLeadDelaysNoOtherLeadAndIsRecordedAfterAFewAttempts() {
        stubLead("lead-1005", "non", "+262692000005");
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v23.0/lead-404"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));

        MetaWebhooks.signed(port, "/webhooks/messenger", twoLeads("lead-404", "lead-1005"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        // Each pass runs what is due as the job executor would (retry timers included, a minute apart in real life).
        for (int pass = 0; pass < 4 * LeadIntake.UNREADABLE_AFTER_ATTEMPTS; pass++) {
            var pending = managementService.createJobQuery().processDefinitionKey(org.passerelle.channels.inbox.WebhookDelivery.PROCESS_ID).list();
            for (var job : pending) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException stillUnreadable) {
                    // retried by the job executor in real life
                }
            }
        }
        assertThat(youths.findByChannelAndExternalId("leadAds", "lead-1005")).isPresent();
        assertThat(managementService.createJobQuery().processDefinitionKey(org.passerelle.channels.inbox.WebhookDelivery.PROCESS_ID).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertThat(youths.findByChannelAndExternalId("leadAds", "lead-404")).isEmpty();
    }

    @Test
    void aLeadWithoutWhatsAppConsentIsNeverMessagedThere() {
        stubLead("lead-1002", "non", "+262 692 00 00 02");

        MetaWebhooks.signed(port, "/webhooks/messenger", leadgen("lead-1002"));
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);

        var youth = youths.findByChannelAndExternalId("leadAds", "lead-1002").orElseThrow();
        Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
        managementService.executeJob(answer(journey, "Bonjour !").getId());
        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND)));
    }
}
