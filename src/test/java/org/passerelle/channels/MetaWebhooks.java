package org.passerelle.channels;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.passerelle.channels.inbox.IntakeTrigger;
import org.passerelle.channels.inbox.WebhookDelivery;
import org.passerelle.channels.inbox.WebhookIntake;
import org.passerelle.channels.inbox.WebhookSignature;
import org.passerelle.testsupport.Http;

/** Posts webhooks as Meta does (signed with the test app secret) and runs their processing jobs. */
final class MetaWebhooks {

    static final String SECRET = "test-app-secret";

    private MetaWebhooks() {
    }

    static HttpResponse<String> post(int port, String path, String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return Http.send(request);
    }

    static HttpResponse<String> signed(int port, String path, String body) {
        return post(port, path, body, WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SECRET));
    }

    /**
     * Runs the stored deliveries' jobs as the job executor would: the batch jobs the webhooks asked for (once
     * their start, which happens off the request thread, is done), then any delivery's own retried job.
     */
    static void processDeliveries(ManagementService managementService, IntakeTrigger trigger) {
        List<Job> jobs;
        do {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !trigger.isStarting());
            jobs = new java.util.ArrayList<>(managementService.createJobQuery().processDefinitionKey(WebhookIntake.PROCESS_ID)
                    .executable().list());
            jobs.addAll(managementService.createJobQuery().processDefinitionKey(WebhookDelivery.PROCESS_ID)
                    .executable().list());
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
            }
        } while (!jobs.isEmpty());
    }

    static String whatsAppText(String messageId, String waId, String name, String text) {
        return whatsAppMessage(messageId, "\"from\":\"" + waId + "\",", contact(waId, name),
                "\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}");
    }

    static String contact(String waId, String name) {
        return "{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}";
    }

    static String whatsAppMessage(String messageId, String from, String contact, String content) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[%s],
                  "messages":[{%s"id":"%s","timestamp":"1763900000",%s}]},
                  "field":"messages"}]}]}""".formatted(contact, from, messageId, content);
    }

    static String messengerText(String mid, String psid, String text) {
        return """
                {"object":"page","entry":[{"id":"PAGE_ID","time":1763900000000,"messaging":[
                  {"sender":{"id":"%s"},"recipient":{"id":"PAGE_ID"},"timestamp":1763900000000,
                   "message":{"mid":"%s","text":"%s"}}]}]}""".formatted(psid, mid, text);
    }
}
