package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage.Kind;
import org.passerelle.channels.inbox.InboxDelivery;
import org.passerelle.channels.inbox.InboxDeliveryRepository;
import org.passerelle.channels.inbox.Platform;
import org.passerelle.channels.inbox.WebhookDelivery;
import org.passerelle.channels.inbox.WebhookSignature;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** WhatsApp, Messenger and site webhooks over real HTTP, signed as Meta signs them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookIntakeTest {

    private static final String SECRET = MetaWebhooks.SECRET;

    @LocalServerPort int port;
    @Autowired InboxDeliveryRepository deliveries;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    private org.passerelle.channels.inbox.IntakeTrigger intakeTrigger;
    @Autowired TaskService taskService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired ConversationMessageRepository messages;

    // ---- helpers -------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, String body, String signature) {
        return MetaWebhooks.post(port, path, body, signature);
    }

    private HttpResponse<String> signed(String path, String body) {
        return MetaWebhooks.signed(port, path, body);
    }

    private void processDeliveries() {
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
    }

    private static String whatsAppText(String messageId, String waId, String name, String text) {
        return MetaWebhooks.whatsAppText(messageId, waId, name, text);
    }

    private static String whatsAppMessage(String messageId, String from, String contact, String content) {
        return MetaWebhooks.whatsAppMessage(messageId, from, contact, content);
    }

    private static String contact(String waId, String name) {
        return MetaWebhooks.contact(waId, name);
    }

    private Youth youth(String channel, String externalId) {
        return youths.findByChannelAndExternalId(channel, externalId).orElseThrow();
    }

    private Journey journeyOf(Youth youth) {
        return journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
    }

    private List<String> conversation(Journey journey) {
        return messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()).stream().map(ConversationMessage::getBody).toList();
    }

    // ---- verification handshake ----------------------------------------------------------------

    @Test
    void theSubscriptionHandshakeAnswersTheChallengeOnlyWithTheRightToken() {
        var ok = send(get(port, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444"));
        var wrong = send(get(port, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444"));
        var missing = send(get(port, "/webhooks/messenger?hub.challenge=1158201444"));

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(missing.statusCode()).isEqualTo(403);
    }

    // ---- WhatsApp ------------------------------------------------------------------------------

    @Test
    void aFirstWhatsAppMessageOpensAJourneyWithAFirstAnswerTask() {
        var response = signed("/webhooks/whatsapp", whatsAppText("wamid.first1", "33611110001", "Neila Traoré", "Bonjour, je cherche un travail"));
        assertThat(response.statusCode()).isEqualTo(200);
        processDeliveries();

        Youth youth = youth("whatsapp", "33611110001");
        assertThat(youth.getFirstName()).isEqualTo("Neila");
        Journey journey = journeyOf(youth);
        assertThat(conversation(journey)).containsExactly("Bonjour, je cherche un travail");
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).count()).isOne();
        assertThat(deliveries.findAll()).filteredOn(d -> d.getStatus() == InboxDelivery.Status.PROCESSED)
                .as("applied deliveries keep no raw body").allMatch(d -> d.getBody().isEmpty());
    }

    @Test
    void theSameMessageDeliveredTwiceHasOneEffect() {
        String body = whatsAppText("wamid.twice1", "33611110002", "Emma", "Salut");
        signed("/webhooks/whatsapp", body);
        signed("/webhooks/whatsapp", body);
        processDeliveries();

        Journey journey = journeyOf(youth("whatsapp", "33611110002"));
        assertThat(conversation(journey)).containsExactly("Salut");
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId()).count()).isOne();
    }

    @Test
    void concurrentDeliveriesOfTheSameMessageHaveOneEffect() throws Exception {
        String body = whatsAppText("wamid.race1", "33611110003", "Yanis", "Allo ?");
        var pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> posts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            posts.add(pool.submit(() -> signed("/webhooks/whatsapp", body)));
        }
        for (var post : posts) {
            assertThat(post.get().statusCode()).isEqualTo(200);
        }
        // Four batch jobs at the same time, as four job executor threads (or nodes) would run them.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !intakeTrigger.isStarting());
        for (int i = 0; i < 3; i++) {
            runtimeService.startProcessInstanceByMessage(org.passerelle.channels.inbox.WebhookIntake.MESSAGE_DELIVERIES_STORED);
        }
        List<Future<?>> runs = new ArrayList<>();
        for (Job job : managementService.createJobQuery().processDefinitionKey(org.passerelle.channels.inbox.WebhookIntake.PROCESS_ID).executable().list()) {
            runs.add(pool.submit(() -> {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException lostTheRace) {
                    // Rolled back; the job stays and is retried below.
                }
            }));
        }
        for (var run : runs) {
            run.get();
        }
        pool.shutdown();
        processDeliveries();

        Journey journey = journeyOf(youth("whatsapp", "33611110003"));
        assertThat(conversation(journey)).containsExactly("Allo ?");
        assertThat(journeys.countByYouthId(youth("whatsapp", "33611110003").getId())).isOne();
    }

    @Test
    void laterMessagesJoinTheConversationWithEveryMessageType() {
        signed("/webhooks/whatsapp", whatsAppText("wamid.types0", "33611110004", "Kevin", "Bonjour"));
        String from = "\"from\":\"33611110004\",";
        String contact = contact("33611110004", "Kevin");
        signed("/webhooks/whatsapp", whatsAppMessage("wamid.types1", from, contact,
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"cv\",\"title\":\"Faire mon CV\"}}"));
        signed("/webhooks/whatsapp", whatsAppMessage("wamid.types2", from, contact,
                "\"type\":\"image\",\"image\":{\"id\":\"1479537139650973\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"caption\":\"Mon CV\"}"));
        signed("/webhooks/whatsapp", whatsAppMessage("wamid.types3", from, contact,
                "\"type\":\"location\",\"location\":{\"latitude\":16.2411,\"longitude\":-61.5331,\"name\":\"Pointe-à-Pitre\",\"address\":\"Place de la Victoire\"}"));
        signed("/webhooks/whatsapp", whatsAppMessage("wamid.types4", from, contact,
                "\"type\":\"hologram\",\"hologram\":{\"id\":\"42\"}"));
        processDeliveries();

        Journey journey = journeyOf(youth("whatsapp", "33611110004"));
        assertThat(conversation(journey)).containsExactly("Bonjour", "Faire mon CV", "[image 1479537139650973] Mon CV",
                "[position] Pointe-à-Pitre Place de la Victoire 16.2411,-61.5331",
                "[message de type « hologram » non pris en charge]");
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).count()).isOne();
    }

    @Test
    void aYouthKnownOnlyByUsernameIsIdentifiedByTheirBusinessScopedId() {
        String body = whatsAppMessage("wamid.username1", "\"from_user_id\":\"FR.13491208655302741918\",",
                "{\"profile\":{\"name\":\"Inès\",\"username\":\"ines.974\"},\"user_id\":\"FR.13491208655302741918\"}",
                "\"type\":\"text\",\"text\":{\"body\":\"Coucou\"}");
        signed("/webhooks/whatsapp", body);
        processDeliveries();

        Youth youth = youth("whatsapp", "FR.13491208655302741918");
        assertThat(youth.getFirstName()).isEqualTo("Inès");
        assertThat(conversation(journeyOf(youth))).containsExactly("Coucou");
    }

    @Test
    void aBatchOfManyEntriesOpensOneJourneyPerYouth() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            if (i > 0) {
                entries.append(',');
            }
            entries.append("""
                    {"id":"1029384756","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                     "metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                     "contacts":[{"profile":{"name":"Jeune %1$d"},"wa_id":"3362222000%1$d"}],
                     "messages":[{"from":"3362222000%1$d","id":"wamid.batch%1$d","timestamp":"1763900000","type":"text","text":{"body":"Message %1$d"}}]}}]}"""
                    .formatted(i));
        }
        signed("/webhooks/whatsapp", "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}");
        processDeliveries();

        for (int i = 0; i < 5; i++) {
            assertThat(conversation(journeyOf(youth("whatsapp", "3362222000" + i)))).containsExactly("Message " + i);
        }
    }

    @Test
    void deliveryAndReadStatusesAreRecordedOnTheSentMessage() {
        signed("/webhooks/whatsapp", whatsAppText("wamid.status0", "33611110005", "Sarah", "Bonjour"));
        processDeliveries();
        Journey journey = journeyOf(youth("whatsapp", "33611110005"));
        ConversationMessage sent = messages.save(ConversationMessage.outbound(journey.getId(), Kind.ANSWER, "whatsapp", "Bonjour Sarah", java.time.Instant.now()));
        sent.markSent(java.time.Instant.now(), "wamid.sent-to-sarah");
        messages.save(sent);

        // Out of order, as platforms deliver them: a late "delivered" must not undo "read".
        for (String status : List.of("sent", "read", "delivered")) {
            signed("/webhooks/whatsapp", """
                    {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                     "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                     "statuses":[{"id":"wamid.sent-to-sarah","status":"%s","timestamp":"1763900100","recipient_id":"33611110005"}]}}]}]}"""
                    .formatted(status));
        }
        processDeliveries();

        assertThat(messages.findById(sent.getId()).orElseThrow().getDeliveryStatus()).isEqualTo("read");
    }

    @Test
    void aWhatsAppTextOfTheLargestSizeOpensAJourneyWithTheWholeText() {
        String longest = "é".repeat(4096);

        assertThat(signed("/webhooks/whatsapp", whatsAppText("wamid.long0", "33611110099", "Sami", longest)).statusCode()).isEqualTo(200);
        processDeliveries();

        Journey journey = journeyOf(youth("whatsapp", "33611110099"));
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()).get(0).getBody()).isEqualTo(longest);
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId()).count()).isOne();
    }

    @Test
    void laterMessagesTakeTheTimeTheYouthSentThemInOrder() {
        long now = java.time.Instant.now().getEpochSecond();
        java.util.function.BiFunction<String, Long, String> sentAt = (id, epoch) -> """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"Théo"},"wa_id":"33611110077"}],
                  "messages":[{"from":"33611110077","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(id, epoch, id);
        signed("/webhooks/whatsapp", whatsAppText("wamid.order0", "33611110077", "Théo", "Bonjour"));
        processDeliveries();
        // Delivered late and out of order (a platform retry): the second one was written first.
        signed("/webhooks/whatsapp", sentAt.apply("wamid.order2", now - 3600));
        processDeliveries();
        signed("/webhooks/whatsapp", sentAt.apply("wamid.order1", now - 7200));
        signed("/webhooks/whatsapp", sentAt.apply("wamid.future", now + 86_400));
        processDeliveries();

        var conversation = messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyOf(youth("whatsapp", "33611110077")).getId());
        assertThat(conversation).extracting(ConversationMessage::getBody)
                .containsSubsequence("wamid.order1", "wamid.order2");
        var second = conversation.stream().filter(m -> m.getBody().equals("wamid.order2")).findFirst().orElseThrow();
        assertThat(second.getCreatedAt()).isEqualTo(java.time.Instant.ofEpochSecond(now - 3600));
        var future = conversation.stream().filter(m -> m.getBody().equals("wamid.future")).findFirst().orElseThrow();
        assertThat(future.getCreatedAt()).as("a time in the future is not believed").isBefore(java.time.Instant.now().plusSeconds(60));
    }

    @Test
    void stopEndsTheJourneyAndStartOpensANewOne() {
        signed("/webhooks/whatsapp", whatsAppText("wamid.stop0", "33611110006", "Lucas", "Bonjour"));
        signed("/webhooks/whatsapp", whatsAppText("wamid.stop1", "33611110006", "Lucas", "STOP"));
        processDeliveries();
        Youth youth = youth("whatsapp", "33611110006");
        Journey stopped = journeyOf(youth);
        assertThat(stopped.getStatus()).isEqualTo(Journey.Status.CLOSED);
        assertThat(stopped.getOutcome()).isEqualTo("refus");
        assertThat(youths.findById(youth.getId()).orElseThrow().getOptedOutAt()).isNotNull();
        assertThat(managementService.createJobQuery().processInstanceId(stopped.getProcessInstanceId()).count()).isZero();

        signed("/webhooks/whatsapp", whatsAppText("wamid.stop2", "33611110006", "Lucas", "START"));
        processDeliveries();

        Journey resumed = journeyOf(youth);
        assertThat(resumed.getId()).isNotEqualTo(stopped.getId());
        assertThat(resumed.getStatus()).isEqualTo(Journey.Status.OPEN);
        assertThat(youths.findById(youth.getId()).orElseThrow().getOptedOutAt()).isNull();
    }

    @Test
    void whatsAppsOwnStopSignalEndsTheJourneyAndResumeLiftsTheOptOut() {
        signed("/webhooks/whatsapp", whatsAppText("wamid.pref0", "33611110009", "Moussa", "Bonjour"));
        processDeliveries();
        String preference = """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"user_preferences","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                 "contacts":[{"profile":{"name":"Moussa"},"wa_id":"33611110009"}],
                 "user_preferences":[{"wa_id":"33611110009","detail":"User requested to stop marketing messages",
                   "category":"marketing_messages","value":"%s","timestamp":%d}]}}]}]}""";

        signed("/webhooks/whatsapp", preference.formatted("stop", 1763900100));
        processDeliveries();
        Youth youth = youth("whatsapp", "33611110009");
        assertThat(journeyOf(youth).getStatus()).isEqualTo(Journey.Status.CLOSED);
        assertThat(youths.findById(youth.getId()).orElseThrow().getOptedOutAt()).isNotNull();

        signed("/webhooks/whatsapp", preference.formatted("resume", 1763900200));
        processDeliveries();
        assertThat(youths.findById(youth.getId()).orElseThrow().getOptedOutAt()).isNull();
    }

    // ---- Messenger -----------------------------------------------------------------------------

    @Test
    void aMessengerMessageOpensAJourneyAndEchoesAreIgnored() {
        String body = """
                {"object":"page","entry":[{"id":"PAGE_ID","time":1763900000000,"messaging":[
                  {"sender":{"id":"6543210987654321"},"recipient":{"id":"PAGE_ID"},"timestamp":1763900000000,
                   "message":{"mid":"m_first_messenger","text":"Bonjour, je veux de l'aide"}},
                  {"sender":{"id":"PAGE_ID"},"recipient":{"id":"6543210987654321"},"timestamp":1763900000500,
                   "message":{"mid":"m_echo","is_echo":true,"text":"Réponse automatique"}}]}]}""";
        assertThat(signed("/webhooks/messenger", body).statusCode()).isEqualTo(200);
        processDeliveries();

        assertThat(conversation(journeyOf(youth("messenger", "6543210987654321")))).containsExactly("Bonjour, je veux de l'aide");
    }

    // ---- programme site ------------------------------------------------------------------------

    @Test
    void aProgrammeSiteWithItsKeyOpensAJourney() {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/web/declic"))
                .header("Content-Type", "application/json").header("X-Api-Key", "test-site-key")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messageId\":\"web-1\",\"sessionId\":\"sess-42\",\"firstName\":\"Pinas\",\"message\":\"Je veux reprendre une formation\"}"));
        assertThat(send(request).statusCode()).isEqualTo(200);
        processDeliveries();

        assertThat(conversation(journeyOf(youth("web", "sess-42")))).containsExactly("Je veux reprendre une formation");
    }

    @Test
    void aSiteWithoutTheRightKeyOrWithABadBodyIsRefused() {
        var noKey = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/web/declic"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"w\",\"sessionId\":\"s\",\"message\":\"m\"}")));
        var badBody = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/web/declic"))
                .header("Content-Type", "application/json").header("X-Api-Key", "test-site-key")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sessionId\":\"s\"}")));

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(badBody.statusCode()).isEqualTo(400);
    }

    // ---- bad input -----------------------------------------------------------------------------

    @Test
    void badDeliveriesGetTheRightStatusAndNothingIsStored() {
        long before = deliveries.count();
        String body = whatsAppText("wamid.bad1", "33611110007", "Jordan", "Bonjour");

        var unsigned = post("/webhooks/whatsapp", body, null);
        var wrongSignature = post("/webhooks/whatsapp", body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "another-secret"));
        var tampered = post("/webhooks/whatsapp", body.replace("Bonjour", "Bonsoir"),
                WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET));
        var malformed = signed("/webhooks/whatsapp", "{\"object\":\"whatsapp_business_account\",\"entry\":[");
        var tooLarge = signed("/webhooks/whatsapp", "{\"object\":\"whatsapp_business_account\",\"padding\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(wrongSignature.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(deliveries.count()).isEqualTo(before);
        assertThat(youths.findByChannelAndExternalId("whatsapp", "33611110007")).isEmpty();
    }

    @Test
    void anUnknownObjectIsAcknowledgedIgnoredAndCounted() {
        long ignoredBefore = deliveries.countByPlatformAndStatus(Platform.WHATSAPP, InboxDelivery.Status.IGNORED);
        long receivedBefore = deliveries.countByPlatformAndStatus(Platform.WHATSAPP, InboxDelivery.Status.RECEIVED);

        var response = signed("/webhooks/whatsapp", "{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"messaging\":[]}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(deliveries.countByPlatformAndStatus(Platform.WHATSAPP, InboxDelivery.Status.IGNORED)).isEqualTo(ignoredBefore + 1);
        assertThat(deliveries.countByPlatformAndStatus(Platform.WHATSAPP, InboxDelivery.Status.RECEIVED)).isEqualTo(receivedBefore);
    }

    @Test
    void aStoredDeliveryReplayedAfterARestartHasNoSecondEffect() {
        String body = whatsAppText("wamid.replay1", "33611110008", "Chloé", "Bonjour de Cayenne");
        signed("/webhooks/whatsapp", body);
        processDeliveries();
        Journey journey = journeyOf(youth("whatsapp", "33611110008"));

        // The platform replays the batch after our crash: it is stored again and processed again.
        signed("/webhooks/whatsapp", body);
        processDeliveries();

        assertThat(conversation(journey)).containsExactly("Bonjour de Cayenne");
        assertThat(journeys.countByYouthId(youth("whatsapp", "33611110008").getId())).isOne();
    }
}
