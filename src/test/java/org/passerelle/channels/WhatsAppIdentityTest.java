package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One person, one youth, with the identifiers WhatsApp sends since business-scoped user ids (BSUID):
 * phone and BSUID together, one without the other, a changed number, several senders in one delivery,
 * group messages. Payloads follow Meta's published webhook shapes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatsAppIdentityTest {

    @LocalServerPort int port;
    @Autowired ManagementService managementService;
    @Autowired
    private org.passerelle.channels.inbox.IntakeTrigger intakeTrigger;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired ConversationMessageRepository messages;

    private static String delivery(String contacts, String messages) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[%s],"messages":[%s]},"field":"messages"}]}]}""".formatted(contacts, messages);
    }

    private static String text(String id, String from, String fromUserId, String body) {
        return "{" + (from == null ? "" : "\"from\":\"" + from + "\",") + (fromUserId == null ? "" : "\"from_user_id\":\"" + fromUserId + "\",")
                + "\"id\":\"" + id + "\",\"timestamp\":\"1763900000\",\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}}";
    }

    private static String contact(String waId, String userId, String name) {
        return "{\"profile\":{\"name\":\"" + name + "\"}" + (waId == null ? "" : ",\"wa_id\":\"" + waId + "\"")
                + (userId == null ? "" : ",\"user_id\":\"" + userId + "\"") + "}";
    }

    private void deliver(String body) {
        assertThat(MetaWebhooks.signed(port, "/webhooks/whatsapp", body).statusCode()).isEqualTo(200);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
    }

    private long journeysOf(String externalId) {
        return youths.findByChannelAndExternalId("whatsapp", externalId).map(y -> journeys.countByYouthId(y.getId())).orElse(0L);
    }

    @Test
    void aPhoneThenTheSamePersonWithPhoneAndBsuidThenBsuidAloneIsOneYouth() {
        deliver(delivery(contact("262692100001", null, "Kelly"), text("wamid.id1", "262692100001", null, "Bonjour")));
        deliver(delivery(contact("262692100001", "RE.100000000000000001", "Kelly"),
                text("wamid.id2", "262692100001", "RE.100000000000000001", "Je cherche un stage")));
        deliver(delivery(contact(null, "RE.100000000000000001", "Kelly"),
                text("wamid.id3", null, "RE.100000000000000001", "Vous êtes là ?")));

        assertThat(youths.findByChannelAndExternalId("whatsapp", "RE.100000000000000001")).isEmpty();
        assertThat(journeysOf("262692100001")).isOne();
        var journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(
                youths.findByChannelAndExternalId("whatsapp", "262692100001").orElseThrow().getId()).orElseThrow();
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).extracting(ConversationMessage::getBody)
                .contains("Bonjour", "Je cherche un stage", "Vous êtes là ?");
        assertThat(taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).count()).isOne();
    }

    @Test
    void aUsernameYouthWithoutPhoneIsNamedByTheBsuidAndKeepsItWhenThePhoneAppearsLater() {
        deliver(delivery(contact(null, "GP.200000000000000002", "Maëlys"), text("wamid.id4", null, "GP.200000000000000002", "Salut")));
        deliver(delivery(contact("590690200002", "GP.200000000000000002", "Maëlys"),
                text("wamid.id5", "590690200002", "GP.200000000000000002", "Mon numéro s'affiche")));

        assertThat(journeysOf("GP.200000000000000002")).isOne();
        assertThat(youths.findByChannelAndExternalId("whatsapp", "590690200002")).isEmpty();
    }

    @Test
    void aChangedNumberLeadsToTheSameYouthAndASystemMessageWithoutFromIsNoIncident() {
        deliver(delivery(contact("596696300003", null, "Enzo"), text("wamid.id6", "596696300003", null, "Bonjour")));
        deliver(delivery("", """
                {"from":"596696300003","id":"wamid.sys1","timestamp":"1763900100","type":"system",
                 "system":{"body":"User Enzo changed from 596696300003 to 596696399999","wa_id":"596696399999","type":"user_changed_number"}}"""));
        deliver(delivery("", """
                {"id":"wamid.sys2","timestamp":"1763900200","type":"system","system":{"body":"?","type":"user_changed_user_id"}}"""));
        deliver(delivery(contact("596696399999", null, "Enzo"), text("wamid.id7", "596696399999", null, "Nouveau numéro")));

        assertThat(journeysOf("596696300003")).isOne();
        assertThat(youths.findByChannelAndExternalId("whatsapp", "596696399999")).isEmpty();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void eachMessageOfABatchIsNamedFromItsOwnContact() {
        deliver(delivery(contact("594694400004", null, "Aïcha") + "," + contact("594694400005", null, "Bryan"),
                text("wamid.id8", "594694400004", null, "Bonjour") + "," + text("wamid.id9", "594694400005", null, "Yo")));

        assertThat(youths.findByChannelAndExternalId("whatsapp", "594694400004").orElseThrow().getFirstName()).isEqualTo("Aïcha");
        assertThat(youths.findByChannelAndExternalId("whatsapp", "594694400005").orElseThrow().getFirstName()).isEqualTo("Bryan");
    }

    @Test
    void aGroupMessageOpensNoJourney() {
        deliver(delivery(contact("269639500006", null, "Groupe"),
                "{\"from\":\"269639500006\",\"group_id\":\"120363000000000001\",\"id\":\"wamid.grp1\",\"timestamp\":\"1763900000\","
                        + "\"type\":\"text\",\"text\":{\"body\":\"Salut le groupe\"}}"));

        assertThat(youths.findByChannelAndExternalId("whatsapp", "269639500006")).isEmpty();
    }

    @Test
    void theSamePersonByPhoneAndByBsuidSentTwiceConcurrentlyIsStillOneJourney() throws Exception {
        String first = delivery(contact("262692600007", "RE.600000000000000007", "Noa"),
                text("wamid.id10", "262692600007", "RE.600000000000000007", "Bonjour"));
        var pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> sent = List.of(
                pool.submit(() -> MetaWebhooks.signed(port, "/webhooks/whatsapp", first).statusCode()),
                pool.submit(() -> MetaWebhooks.signed(port, "/webhooks/whatsapp", first).statusCode()));
        for (Future<Integer> status : sent) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        deliver(delivery(contact(null, "RE.600000000000000007", "Noa"), text("wamid.id11", null, "RE.600000000000000007", "Re")));

        assertThat(journeysOf("262692600007")).isOne();
        assertThat(youths.findByChannelAndExternalId("whatsapp", "RE.600000000000000007")).isEmpty();
    }
}
