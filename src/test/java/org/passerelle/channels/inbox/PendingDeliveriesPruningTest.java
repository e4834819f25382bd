package org.passerelle.channels.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An erased person's events leave a batched delivery; the other people's, and a longer number, stay. */
class PendingDeliveriesPruningTest {

    private final ObjectMapper json = new ObjectMapper();

    private static String twoContacts() {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"Sarah"},"wa_id":"33611110001"},{"profile":{"name":"Noé"},"wa_id":"336111100012"}],
                  "messages":[{"from":"33611110001","id":"wamid.a","timestamp":"1","type":"text","text":{"body":"Je suis Sarah"}},
                              {"from":"336111100012","id":"wamid.b","timestamp":"1","type":"text","text":{"body":"Et moi Noé, 33611110001 n'est pas moi"}}]},
                  "field":"messages"}]}]}""";
    }

    @Test
    void theErasedSendersEventsLeaveAndTheOthersStay() throws Exception {
        JsonNode body = json.readTree(twoContacts());

        PendingDeliveries.prune(body, "33611110001");

        assertThat(body.toString()).doesNotContain("Je suis Sarah", "\"Sarah\"", "wamid.a")
                .contains("wamid.b", "Noé", "336111100012", "n'est pas moi");
        assertThat(PendingDeliveries.mentions(body, "33611110001")).as("only inside someone else's text").isFalse();
    }

    @Test
    void anIdThatIsOnlyPartOfALongerNumberOrOfATextIsNotTheSender() throws Exception {
        JsonNode body = json.readTree(twoContacts());

        assertThat(PendingDeliveries.mentions(body, "3361111000")).isFalse();
        PendingDeliveries.prune(body, "3361111000");
        assertThat(body).isEqualTo(json.readTree(twoContacts()));
    }

    @Test
    void aMessengerSenderLeavesItsMessagingEntry() throws Exception {
        JsonNode body = json.readTree("""
                {"object":"page","entry":[{"id":"PAGE","time":1,"messaging":[
                  {"sender":{"id":"PSID1"},"recipient":{"id":"PAGE"},"timestamp":1,"message":{"mid":"m1","text":"moi"}},
                  {"sender":{"id":"PSID2"},"recipient":{"id":"PAGE"},"timestamp":1,"message":{"mid":"m2","text":"l'autre"}}]}]}""");

        PendingDeliveries.prune(body, "PSID1");

        assertThat(body.toString()).doesNotContain("PSID1", "m1").contains("PSID2", "m2", "PAGE");
    }

    @Test
    void onlyTheFieldsThatNameAPersonCountNotAnyValue() throws Exception {
        String batch = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{
                  "contacts":[{"profile":{"name":"Noé"},"wa_id":"33622220002"}],
                  "messages":[{"from":"33622220002","id":"wamid.n","timestamp":"1","type":"text","text":{"body":"33611110001"}}],
                  "statuses":[{"id":"wamid.s","recipient_id":"33611110001","status":"read","timestamp":"1"}]},
                  "field":"messages"}]}]}""";
        JsonNode body = json.readTree(batch);

        assertThat(PendingDeliveries.mentions(json.readTree(batch), "messages")).as("a web session named like a field").isFalse();
        PendingDeliveries.prune(body, "33611110001");

        assertThat(body.toString()).as("the status sent to the erased person goes").doesNotContain("wamid.s")
                .as("a message whose whole text is the number stays").contains("wamid.n", "\"body\":\"33611110001\"");
    }
}
