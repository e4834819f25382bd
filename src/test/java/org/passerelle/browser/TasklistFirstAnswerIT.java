package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A mediator answers a youth's first message in Tasklist, with the French Camunda Form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFirstAnswerIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired ConversationMessageRepository messages;

    @Test
    void aMediatorAnswersTheFirstMessageAndTheJourneyMovesOn() {
        String mediator = TestUsers.ensure(identity, "browserMediator", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "browser-neila", "Neila",
                "tiktok-automne", "Bonjour, je cherche un travail"));
        Page page = browser.newPage();

        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        BrowserSession.firstInLists(taskService, taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId());
        page.reload();
        page.locator("ol.tasks-list li.task").first().click();
        BrowserSession.screenshot(page, "tasklist-1-task-opened");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge")).click();
        Locator answer = page.getByLabel("Votre réponse");
        answer.waitFor();
        page.waitForCondition(answer::isEditable);
        assertThat(page.getByLabel("Message du jeune").inputValue()).isEqualTo("Bonjour, je cherche un travail");
        answer.fill("Bonjour Neila, je suis ta médiatrice. On regarde ensemble ton CV ?");
        BrowserSession.screenshot(page, "tasklist-2-form-filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer")).click();

        page.waitForCondition(() -> historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(started.processInstanceId()).taskDefinitionKey(Tasks.FIRST_ANSWER).finished().count() == 1);
        BrowserSession.screenshot(page, "tasklist-3-completed");
        var firstAnswer = historyService.createHistoricTaskInstanceQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        assertThat(firstAnswer.getAssignee()).isEqualTo(mediator);
        // The answer waits in the outbox step (asynchronous); run it as the job executor would.
        var job = managementService.createJobQuery().processInstanceId(started.processInstanceId())
                .activityId("taskSendFirstAnswer").singleResult();
        managementService.executeJob(job.getId());
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(started.journeyId())).last()
                .extracting(ConversationMessage::getBody).isEqualTo("Bonjour Neila, je suis ta médiatrice. On regarde ensemble ton CV ?");
        assertThat(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).count()).isOne();
    }
}
