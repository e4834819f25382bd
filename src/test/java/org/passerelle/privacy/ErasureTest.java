package org.passerelle.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.send;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A youth's personal data disappears on request, from our tables and from the engine's history. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErasureTest {

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JourneyRepository journeys;
    @Autowired YouthRepository youths;
    @Autowired ConversationMessageRepository messages;

    private int delete(String user, Object journeyId) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journeys/" + journeyId + "/personal-data"))
                .header("Authorization", basic(user, TestUsers.password(user))).DELETE()).statusCode();
    }

    @Test
    void erasureRemovesTheConversationTheAnswersAndTheEngineHistory() {
        String lead = TestUsers.ensure(identity, "erasureLead", Roles.PROGRAMME_LEADS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "erase-me-1", "Sarah", "tiktok",
                "Je m'appelle Sarah Martin, j'habite 3 rue des Lilas"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Sarah"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(started.processInstanceId())
                .activityId("taskSendFirstAnswer").singleResult().getId());

        var located = youths.findById(journeys.findById(started.journeyId()).orElseThrow().getYouth().getId()).orElseThrow();
        located.setDepartement("93");
        located.setCommuneCode("93066");
        located.setStatuses("rqth");
        youths.save(located);

        assertThat(delete(lead, started.journeyId())).isEqualTo(204);

        Journey journey = journeys.findById(started.journeyId()).orElseThrow();
        var youth = youths.findById(journey.getYouth().getId()).orElseThrow();
        assertThat(youth.getFirstName()).isNull();
        assertThat(youth.getExternalId()).startsWith("erased-");
        assertThat(youth.getErasedAt()).isNotNull();
        assertThat(youth.getChannel()).isEqualTo("whatsapp");
        assertThat(youth.getCampaign()).isEqualTo("tiktok");
        assertThat(youth.getCommuneCode()).as("where the youth lives, precisely").isNull();
        assertThat(youth.getStatuses()).as("RQTH is health data").isNull();
        assertThat(youth.getDepartement()).as("kept for the figures by territory").isEqualTo("93");
        assertThat(journey.getStatus()).isEqualTo(Journey.Status.CLOSED);
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
    }

    @Autowired org.passerelle.channels.inbox.InboxDeliveryRepository deliveries;

    @Test
    void aDeliveryNotAppliedYetLosesTheErasedYouthsMessageAndKeepsTheOthers() {
        String lead = TestUsers.ensure(identity, "erasureLead", Roles.PROGRAMME_LEADS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "33699990001", "Lina", "tiktok", "Bonjour"));
        // Acknowledged, not applied yet: Meta batched Lina's second message with someone else's.
        var pending = deliveries.save(org.passerelle.channels.inbox.InboxDelivery.received(
                org.passerelle.channels.inbox.Platform.WHATSAPP, """
                        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                          "messaging_product":"whatsapp","metadata":{"phone_number_id":"1122334455"},
                          "contacts":[{"profile":{"name":"Lina"},"wa_id":"33699990001"},{"profile":{"name":"Yanis"},"wa_id":"33699990002"}],
                          "messages":[{"from":"33699990001","id":"wamid.erase-a","timestamp":"1","type":"text","text":{"body":"Mon adresse est 3 rue des Lilas"}},
                                      {"from":"33699990002","id":"wamid.erase-b","timestamp":"1","type":"text","text":{"body":"Bonjour, je cherche un stage"}}]},
                          "field":"messages"}]}]}""", java.time.Instant.now()));
        var unrelated = deliveries.save(org.passerelle.channels.inbox.InboxDelivery.received(
                org.passerelle.channels.inbox.Platform.WHATSAPP, """
                        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                          "contacts":[{"profile":{"name":"Inès"},"wa_id":"336999900019"}],
                          "messages":[{"from":"336999900019","id":"wamid.erase-c","timestamp":"1","type":"text","text":{"body":"Salut"}}]},
                          "field":"messages"}]}]}""", java.time.Instant.now()));

        assertThat(delete(lead, started.journeyId())).isEqualTo(204);

        var kept = deliveries.findById(pending.getId()).orElseThrow();
        assertThat(kept.getStatus()).as("Yanis's message is still to be applied")
                .isEqualTo(org.passerelle.channels.inbox.InboxDelivery.Status.RECEIVED);
        assertThat(kept.getBody()).doesNotContain("33699990001", "Lina", "rue des Lilas", "wamid.erase-a")
                .contains("33699990002", "Yanis", "je cherche un stage");
        assertThat(deliveries.findById(unrelated.getId()).orElseThrow().getBody())
                .as("a longer number that only starts like Lina's").contains("336999900019", "Salut");
    }

    @Autowired org.passerelle.channels.inbox.InboxProcessor processor;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired Erasure erasure;

    @Test
    void aDeliveryAJobWouldApplyDuringTheErasureWaitsAndKeepsOnlyTheOthersMessages() throws Exception {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "33699990011", "Sara", "tiktok", "Bonjour"));
        var pending = deliveries.save(org.passerelle.channels.inbox.InboxDelivery.received(
                org.passerelle.channels.inbox.Platform.WHATSAPP, """
                        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                          "messaging_product":"whatsapp","metadata":{"phone_number_id":"1122334455"},
                          "contacts":[{"profile":{"name":"Sara"},"wa_id":"33699990011"},{"profile":{"name":"Noé"},"wa_id":"33699990012"}],
                          "messages":[{"from":"33699990011","id":"wamid.erase-race-a","timestamp":"1","type":"text","text":{"body":"Mon code secret est 4417"}},
                                      {"from":"33699990012","id":"wamid.erase-race-b","timestamp":"1","type":"text","text":{"body":"Je cherche une formation"}}]},
                          "field":"messages"}]}]}""", java.time.Instant.now()));

        // The erasure has pruned the delivery and not committed yet when an intake job comes to apply it.
        var erasing = org.passerelle.testsupport.HeldTransaction.begin(transactions, () -> erasure.eraseYouthOf(started.journeyId()));
        var applying = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return processor.process(pending.getId());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        org.passerelle.testsupport.HeldTransaction.awaitWaitingStatement(dataSource, "select id1_0.id");
        assertThat(applying).as("the job waits for the erasure").isNotDone();
        assertThat(erasing.commit()).isTrue();
        applying.get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(deliveries.findById(pending.getId()).orElseThrow().getStatus())
                .isEqualTo(org.passerelle.channels.inbox.InboxDelivery.Status.PROCESSED);
        assertThat(youths.findByChannelAndExternalId("whatsapp", "33699990012")).as("Noé's message is applied").isPresent();
        assertThat(youths.findByChannelAndExternalId("whatsapp", "33699990011")).as("Sara is not created again").isEmpty();
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "select count(*) from conversation_message where body like '%code secret%'", Long.class)).isZero();
    }

    @Autowired ApplyRetention retention;

    @Test
    void retentionErasesYouthsWhoseLastJourneyClosedLongAgoOnly() {
        var old = gateway.startFromFirstContact(new FirstContact("whatsapp", "retention-old", "Chloé", null, "Bonjour"));
        var recent = gateway.startFromFirstContact(new FirstContact("whatsapp", "retention-recent", "Emma", null, "Bonjour"));
        var open = gateway.startFromFirstContact(new FirstContact("whatsapp", "retention-open", "Yanis", null, "Bonjour"));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400))));
        gateway.youthOptedOut(old.journeyId());
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        gateway.youthOptedOut(recent.journeyId());

        var execution = mock(org.camunda.bpm.engine.delegate.DelegateExecution.class);
        retention.execute(execution);

        assertThat(youths.findByChannelAndExternalId("whatsapp", "retention-old")).isEmpty();
        assertThat(youths.findAll()).filteredOn(y -> y.getExternalId().startsWith("erased-"))
                .anyMatch(y -> y.getErasedAt() != null);
        assertThat(youths.findByChannelAndExternalId("whatsapp", "retention-recent")).isPresent();
        assertThat(youths.findByChannelAndExternalId("whatsapp", "retention-open")).isPresent();
        assertThat(open.journeyId()).isNotNull();
    }

    @Test
    void onlyProgrammeLeadsEraseAndUnknownJourneysAreReported() {
        String mediator = TestUsers.ensure(identity, "erasureMediator", Roles.MEDIATORS);
        String lead = TestUsers.ensure(identity, "erasureLead", Roles.PROGRAMME_LEADS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "erase-me-2", "Lucas", null, "Bonjour"));

        assertThat(delete(mediator, started.journeyId())).isEqualTo(403);
        assertThat(youths.findByChannelAndExternalId("whatsapp", "erase-me-2")).isPresent();
        assertThat(delete(lead, 999_999)).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/journeys/1/personal-data")).DELETE())
                .statusCode()).isEqualTo(401);
    }
}
