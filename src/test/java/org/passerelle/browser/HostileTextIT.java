package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What a youth sends is text in Tasklist: a hostile profile name or message renders no image, link or script. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileTextIT {

    private static final String NAME = "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">[Clique](https://evil.example)";
    private static final String MESSAGE = "<script>alert(1)</script> ![img](https://evil.example/y.png) [lien](https://evil.example)";

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired IdentityService identity;
    @Autowired org.camunda.bpm.engine.TaskService tasks;

    @Test
    void aHostileNameAndMessageStayTextInTheFirstAnswerForm() {
        String mediator = TestUsers.ensure(identity, "hostileTextMediator", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "hostile-text-1", NAME, "tiktok", MESSAGE));
        String taskId = tasks.createTaskQuery().processInstanceId(started.processInstanceId()).singleResult().getId();
        Page page = browser.newPage();
        boolean[] dialog = {false};
        page.onDialog(d -> {
            dialog[0] = true;
            d.dismiss();
        });

        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        BrowserSession.firstInLists(tasks, taskId);
        page.reload();
        page.locator("ol.tasks-list li.task").first().click();
        Locator message = page.getByLabel("Message du jeune");
        message.waitFor();
        BrowserSession.screenshot(page, "hostile-text-first-answer");

        assertThat(message.inputValue()).isEqualTo(MESSAGE);
        assertThat(page.locator("form img, .task-form img, [class*=form] img").count()).isZero();
        assertThat(page.locator("a[href*='evil.example']").count()).isZero();
        assertThat(page.getByText("Premier message de").first().innerText()).doesNotContain("<", "[", "](");
        assertThat(dialog[0]).isFalse();
    }
}
