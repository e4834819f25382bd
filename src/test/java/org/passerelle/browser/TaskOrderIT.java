package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** "À traiter" lists the oldest due date first, whatever the order the youths wrote in; "En retard" shows the late ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskOrderIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;

    private String firstAnswerDue(String externalId, Date due) {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Lou", "tiktok", "Bonjour"));
        String task = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId();
        taskService.setDueDate(task, due);
        return task;
    }

    private static List<String> listedTaskIds(Page page) {
        return page.locator("ol.tasks-list li.task h4.task a").all().stream()
                .map(link -> link.getAttribute("href").replaceAll(".*[?&]task=([^&]+).*", "$1")).toList();
    }

    @Test
    void theOldestPromiseComesFirst() {
        String mediator = TestUsers.ensure(identity, "orderMediator", Roles.MEDIATORS);
        // Older than any task other tests left in the shared engine; the second youth's promise is the oldest.
        Date oldest = BrowserSession.oldestDueYet();
        String writtenFirst = firstAnswerDue("order-1", oldest);
        String writtenSecond = firstAnswerDue("order-2", new Date(oldest.getTime() - 2000));
        String writtenThird = firstAnswerDue("order-3", new Date(oldest.getTime() - 1000));

        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        page.locator("ol.tasks-list li.task").first().waitFor();
        page.waitForCondition(() -> listedTaskIds(page).size() >= 3 && listedTaskIds(page).get(0).equals(writtenSecond));
        BrowserSession.screenshot(page, "tasklist-due-first");

        assertThat(page.url()).contains("sorting=");
        assertThat(listedTaskIds(page).subList(0, 3)).containsExactly(writtenSecond, writtenThird, writtenFirst);

        page.getByText("En retard").first().click();
        page.waitForCondition(() -> !listedTaskIds(page).isEmpty() && listedTaskIds(page).get(0).equals(writtenSecond));
        assertThat(listedTaskIds(page)).contains(writtenFirst, writtenSecond, writtenThird);
    }
}
