package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
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
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
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

/**
 * A mediator reads why Passerelle proposes each partner in Tasklist, picks one and the referral leaves; a partner
 * without email is referred by phone and the mediator records its appointment.
 */
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
    @Autowired ConversationMessageRepository messages;

    private void runJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    /** A 19-year-old in Martinique without housing: referred at once (relais immédiat). */
    private String referralWaitingForTheMediator() {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "browser-lina-" + System.nanoTime(), "Lina",
                "tiktok", "Bonjour"));
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
        Partner chosen = partners.save(new Partner("Mission Locale Centre Martinique", PartnerNetworks.MISSION_LOCALE, "972",
                "centre972@example.org", 16, 25));
        partners.save(byPhone("Mission Locale Nord Martinique"));
        String referral = referralWaitingForTheMediator();
        Page page = browser.newPage();

        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        BrowserSession.firstInLists(taskService, taskService.createTaskQuery().processInstanceId(referral)
                .taskDefinitionKey("taskChoosePartner").singleResult().getId());
        page.reload();
        page.locator("ol.tasks-list li.task").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge")).click();
        Locator why = page.getByLabel("Pourquoi ces propositions");
        why.waitFor();
        assertThat(why.inputValue()).contains("Mission Locale Centre Martinique : 19 ans, dans la tranche d'âge 16–25 ans",
                        "Mission Locale Nord Martinique : ", "sans courriel : orientation par téléphone (0596 00 00 00)");
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

    private Partner byPhone(String name) {
        Partner partner = Partner.imported("test", name, new Partner.Description(name, null, PartnerNetworks.MISSION_LOCALE,
                "972", null, "", "0596 00 00 00", 16, 25, null, null, null, "dep:972", null, null, null, null, true));
        return partners.save(partner);
    }

    @Test
    void aPartnerWithoutEmailIsReferredByPhoneAndTheYouthGetsThePreciseAppointment() {
        String mediator = TestUsers.ensure(identity, "phoneReferrer", Roles.MEDIATORS);
        Partner chosen = byPhone("Mission Locale du Lamentin");
        String referral = referralWaitingForTheMediator();
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral).taskDefinitionKey("taskChoosePartner")
                .singleResult().getId(), Map.of("partnerId", chosen.getId().toString()));
        runJob(referral, "taskSendReferral");
        LocalDate day = LocalDate.now().plusDays(9);
        if (day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        Page page = browser.newPage();

        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));
        page.getByText("À traiter").first().click();
        BrowserSession.firstInLists(taskService, taskService.createTaskQuery().processInstanceId(referral)
                .taskDefinitionKey("taskReferDirectly").singleResult().getId());
        page.reload();
        page.locator("ol.tasks-list li.task").first().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Prendre en charge")).click();
        page.getByText("appelez-la au 0596 00 00 00").first().waitFor();
        page.getByLabel("Elle accueille le jeune").check();
        Locator date = page.getByLabel("Date du premier rendez-vous");
        date.fill(day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        date.press("Enter");
        page.getByLabel("Heure du rendez-vous").fill("14h30");
        page.getByLabel("Lieu (adresse ou antenne)").fill("12 rue Schoelcher, Le Lamentin");
        page.getByLabel("Personne à demander et téléphone").fill("Mme Joseph, 0596 11 22 33");
        BrowserSession.screenshot(page, "refer-directly-1-filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terminer")).click();

        page.waitForCondition(() -> historyService.createHistoricTaskInstanceQuery().processInstanceId(referral)
                .taskDefinitionKey("taskReferDirectly").finished().count() == 1);
        runJob(referral, "taskSavePartnerAnswer");
        runJob(referral, "taskNotifyYouth");
        String journey = runtimeService.createProcessInstanceQuery().subProcessInstanceId(referral).singleResult().getId();
        Long journeyId = (Long) runtimeService.getVariable(journey, Vars.JOURNEY_ID);
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyId)).last().extracting(ConversationMessage::getBody)
                .asString().contains("Mission Locale du Lamentin t'attend le", "à 14 h 30, 12 rue Schoelcher, Le Lamentin",
                        "Contact : Mme Joseph, 0596 11 22 33");
        assertThat(taskService.createTaskQuery().processInstanceId(referral).taskDefinitionKey("taskConfirmAttendance").count()).isOne();
    }

    @Test
    void aMediatorsUnreadableAppointmentKeepsTheTaskWithTheReason() {
        String mediator = TestUsers.ensure(identity, "phoneReferrer2", Roles.MEDIATORS);
        Partner chosen = byPhone("Mission Locale de Ducos");
        String referral = referralWaitingForTheMediator();
        taskService.complete(taskService.createTaskQuery().processInstanceId(referral).taskDefinitionKey("taskChoosePartner")
                .singleResult().getId(), Map.of("partnerId", chosen.getId().toString()));
        runJob(referral, "taskSendReferral");
        String task = taskService.createTaskQuery().processInstanceId(referral).taskDefinitionKey("taskReferDirectly")
                .singleResult().getId();
        taskService.claim(task, mediator);

        for (Map<String, Object> typo : List.<Map<String, Object>>of(
                Map.of("partnerAnswer", "accepte", "appointmentDate", LocalDate.now().plusYears(1).toString(),
                        "appointmentTime", "14:30", "appointmentPlace", "Mairie"),
                Map.of("partnerAnswer", "accepte", "appointmentDate", LocalDate.now().plusDays(3).toString(),
                        "appointmentTime", "25:00", "appointmentPlace", "Mairie"),
                Map.of("partnerAnswer", "accepte", "appointmentDate", LocalDate.now().plusDays(3).toString(),
                        "appointmentTime", "14:30", "appointmentPlace", " "),
                Map.of("partnerAnswer", "refuse", "refusalReason", "inconnu"))) {
            assertThatThrownBy(() -> taskService.complete(task, typo)).hasMessageContaining("à c");
            assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(referral).count()).isZero();
    }
}
