package org.passerelle.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.channels.inbox.WebhookSignature;
import org.passerelle.journey.YouthJourney;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end with the job executor running: a signed WhatsApp message opens a journey, a mediator
 * answers in Tasklist, and the Graph API (local stub) receives the answer's text.
 */
// Its own engine name: the engines of cached test contexts must not replace each other in the JVM.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.process-engine-name=endToEnd"})
@ActiveProfiles("test")
class WhatsAppToTasklistIT {

    private static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());
    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    static {
        graph.start();
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry properties) {
        properties.add("passerelle.channels.meta.graph-base-url", graph::baseUrl);
        properties.add("passerelle.channels.meta.whatsapp-phone-number-id", () -> "1122334455");
        properties.add("passerelle.channels.meta.whatsapp-token", () -> "test-whatsapp-token");
    }

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;

    @AfterAll
    static void stopGraphApi() {
        graph.stop();
    }

    @Test
    void aWhatsAppMessageIsAnsweredFromTasklistBackOnWhatsApp() {
        graph.stubFor(post(urlEqualTo("/v23.0/1122334455/messages")).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.e2e\"}]}")));
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1029384756","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"33170000000","phone_number_id":"1122334455"},
                  "contacts":[{"profile":{"name":"Jordan"},"wa_id":"590690000001"}],
                  "messages":[{"from":"590690000001","id":"wamid.e2e-in","timestamp":"1763900000","type":"text",
                               "text":{"body":"Bonjour, je suis en Guadeloupe et je cherche une formation"}}]}}]}]}""";
        var response = Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "test-app-secret"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);

        String mediator = TestUsers.ensure(identity, "e2eMediator", Roles.MEDIATORS);
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/endToEnd/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        // The job executor applies the delivery in the background: wait on the engine, not on the page,
        // with room for a loaded machine; then the list shows the task at its first load.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> tasks.createTaskQuery().taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER).count() > 0);
        page.reload();
        page.getByText("À traiter").first().click();
        Locator task = page.getByText("Répondre au premier message").first();
        task.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        task.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge")).click();
        Locator answer = page.getByLabel("Votre réponse");
        answer.waitFor();
        page.waitForCondition(answer::isEditable);
        assertThat(page.getByLabel("Message du jeune").inputValue()).contains("Guadeloupe");
        answer.fill("Bonjour Jordan ! On regarde les formations près de chez toi ?");
        BrowserSession.screenshot(page, "whatsapp-e2e-answer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer")).click();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> !graph.findAll(postRequestedFor(urlEqualTo("/v23.0/1122334455/messages"))).isEmpty());
        graph.verify(postRequestedFor(urlEqualTo("/v23.0/1122334455/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("590690000001")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Bonjour Jordan ! On regarde les formations près de chez toi ?"))));
    }
}
