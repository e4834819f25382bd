package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerRepository;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A mediator reads why Passerelle proposes each partner in Tasklist, picks one and the referral leaves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChoosePartnerIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired PartnerRepository partners;

    private void runJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    /** A 19-year-old in Martinique without housing: referred at once (relais immédiat). */
    private String referralWaitingForTheMediator() {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "browser-lina", "Lina", "tiktok", "Bonjour"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Lina"));
        runJob(started.processInstanceId(), "taskSendFirstAnswer");
        taskService.complete(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult().getId(), Variables.createVariables()
                .putValue(Vars.BIRTH_DATE, "2007-03-14").putValue(Vars.DEPARTEMENT, "972").putValue(Vars.DIPLOMA_LEVEL, "aucun")
                .putValue(Vars.SITUATION, "decrocheur").putValue(Vars.BARRIERS, Spin.JSON(List.of("logement")))
                .putValue(Vars.HAS_PROJECT, false).putValue(Vars.CONSENT_CONTACT, true).putValue(Vars.CONSENT_REFERRAL, true)
                .putValue(Vars.GUARDIAN_CONSENT, false));
        runJob(started.processInstanceId(), "taskRecordDiagnostic");
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(started.processInstanceId()).singleResult().getId();
    }

    @Test
    void theMediatorSeesWhyAndPicksAPartner() {
        String mediator = TestUsers.ensure(identity, "browserReferrer", Roles.MEDIATORS);
        Partner chosen = partners.save(new Partner("Mission Locale Centre Martinique", Partner.Network.MISSION_LOCALE, "972",
                "centre972@example.org", 16, 25));
        partners.save(new Partner("Mission Locale Nord Martinique", Partner.Network.MISSION_LOCALE, "972", "", 16, 25));
        String referral = referralWaitingForTheMediator();
        Page page = browser.newPage();

        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        page.getByText("Choisir un partenaire").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge")).click();
        Locator why = page.getByLabel("Pourquoi ces propositions");
        why.waitFor();
        assertThat(why.inputValue()).startsWith("1. Mission Locale Centre Martinique : 19 ans, dans la tranche d'âge 16–25 ans")
                .contains("Non proposées sur son territoire :",
                        "Mission Locale Nord Martinique : aucune adresse courriel pour recevoir l'orientation");
        Locator structure = page.getByLabel("Structure partenaire");
        page.waitForCondition(structure::isEditable);
        structure.click();
        structure.fill("Centre Martinique");
        page.getByText("Mission Locale Centre Martinique — Mission Locale (972)").click();
        BrowserSession.screenshot(page, "choose-partner-1-picked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer")).click();

        page.waitForCondition(() -> historyService.createHistoricTaskInstanceQuery().processInstanceId(referral)
                .taskDefinitionKey("taskChoosePartner").finished().count() == 1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(referral).variableName("partnerId")
                .singleResult().getValue()).isEqualTo(chosen.getId().toString());
        assertThat(managementService.createJobQuery().processInstanceId(referral).activityId("taskSendReferral").count()).isOne();
    }
}
