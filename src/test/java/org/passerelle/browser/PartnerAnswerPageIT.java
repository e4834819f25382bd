package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerRepository;
import org.passerelle.referral.Referral;
import org.passerelle.referral.ReferralRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A partner opens the link from its email in a browser and accepts the referral with a date. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerAnswerPageIT {

    @RegisterExtension
    static GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server();
    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired PartnerRepository partners;
    @Autowired ReferralRepository referrals;

    record Sent(String processInstanceId, Long journeyId, String path) {
    }

    /** A referral sent to an E2C by email; the path of the answer link the email carries. */
    private Sent referralSent(String externalId) throws Exception {
        Youth youth = new Youth("whatsapp", externalId, "Yanis", null, Instant.now());
        youth.setBirthDate(LocalDate.now().minusYears(18));
        youth.setDepartement("13");
        youth.segment("decrocheur", "orientation");
        youths.save(youth);
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        Partner partner = partners.save(new Partner("École de la 2e chance Marseille", PartnerNetworks.E2C, "13",
                "accueil@e2c13.example.org", 16, 25));
        var instance = runtimeService.startProcessInstanceByKey("partnerReferral", Map.of("journeyId", journey.getId()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of("partnerId", partner.getId().toString()));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        var messages = smtp.getReceivedMessages();
        String email = messages[messages.length - 1].getContent().toString();
        Matcher link = Pattern.compile("http://localhost(/partenaires/orientation\\?t=\\S+)").matcher(email);
        assertThat(link.find()).isTrue();
        return new Sent(instance.getId(), journey.getId(), link.group(1));
    }

    @Test
    void aPartnerAcceptsTheReferralFromTheLinkInItsEmail() throws Exception {
        Sent sent = referralSent("browser-partner-1");
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + sent.path());
        assertThat(page.locator("h1").textContent()).isEqualTo("Orientation vers École de la 2e chance Marseille");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'accepte l'orientation")).click();
        page.waitForTimeout(500);
        assertThat(page.locator("#appointment:invalid").count()).as("the browser asks for the date first").isOne();
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getStatus()).isEqualTo(Referral.Status.SENT);
        LocalDate day = LocalDate.now().plusDays(5);
        while (new org.passerelle.referral.Appointment(day, null, null, null).isUnusualDay()) {
            day = day.plusDays(1);
        }
        page.getByLabel("Date du premier rendez-vous").fill(day.toString());
        page.getByLabel("Heure").fill("09:30");
        page.getByLabel("Lieu (adresse ou antenne)").fill("Antenne du Vieux-Port, 2 quai du Port, Marseille");
        page.getByLabel("Personne à demander et téléphone").fill("M. Martin, 04 91 00 00 01");
        BrowserSession.screenshot(page, "partner-1-referral-page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("J'accepte l'orientation")).click();
        page.locator("h1").getByText("Merci, votre réponse est enregistrée").waitFor();
        BrowserSession.screenshot(page, "partner-2-answer-recorded");

        managementService.executeJob(managementService.createJobQuery().processInstanceId(sent.processInstanceId())
                .activityId("taskSavePartnerAnswer").singleResult().getId());
        Referral referral = referrals.findByJourneyId(sent.journeyId()).get(0);
        assertThat(referral.getStatus()).isEqualTo(Referral.Status.ACCEPTED);
        assertThat(referral.getAppointmentDate()).isEqualTo(day);
        assertThat(referral.getAppointment().time()).isEqualTo(java.time.LocalTime.of(9, 30));

        // The same link now shows the accepted appointment, correctable until the day before.
        page.goBack();
        page.reload();
        assertThat(page.locator("h1").textContent()).isEqualTo("Rendez-vous accepté");
        assertThat(page.getByLabel("Lieu (adresse ou antenne)").inputValue()).isEqualTo("Antenne du Vieux-Port, 2 quai du Port, Marseille");
        page.getByLabel("Heure").fill("11:00");
        BrowserSession.screenshot(page, "partner-3-correction");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le nouveau rendez-vous")).click();
        page.locator("h1").getByText("Rendez-vous corrigé").waitFor();
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getAppointment().time()).isEqualTo(java.time.LocalTime.of(11, 0));
    }

    @Test
    void aPartnerRefusesWithAReasonWithoutGivingADate() throws Exception {
        Sent sent = referralSent("browser-partner-2");
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + sent.path());

        page.getByLabel("Motif").selectOption("pasDePlace");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Je refuse l'orientation")).click();
        page.locator("h1").getByText("Merci, votre réponse est enregistrée").waitFor();

        managementService.executeJob(managementService.createJobQuery().processInstanceId(sent.processInstanceId())
                .activityId("taskSavePartnerAnswer").singleResult().getId());
        assertThat(referrals.findByJourneyId(sent.journeyId()).get(0).getReason()).isEqualTo("pasDePlace");
    }
}
