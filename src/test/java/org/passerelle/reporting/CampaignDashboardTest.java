package org.passerelle.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The campaign funnel for supervisors: page with charts and tables, CSV and JSON; bad addresses said in French. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CampaignDashboardTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "funnelSupervisor", Roles.SUPERVISORS);
        TestUsers.ensure(identity, "funnelMediator", Roles.MEDIATORS);
    }

    private java.net.http.HttpResponse<String> as(String user, String path) {
        return send(get(port, path).header("Authorization", basic(user, TestUsers.password(user))));
    }

    @Test
    void theFunnelOfACampaignCountsFirstAnswersWithin24Hours() throws Exception {
        var answered = gateway.startFromFirstContact(new FirstContact("whatsapp", "funnel-1", "Lou", "tiktok-entonnoir", "Bonjour"));
        gateway.startFromFirstContact(new FirstContact("whatsapp", "funnel-2", "Sam", "tiktok-entonnoir", "Salut"));
        gateway.startFromFirstContact(new FirstContact("messenger", "funnel-3", "Nil", "=HYPERLINK(\"x\")", "Bonjour"));
        var task = taskService.createTaskQuery().processInstanceId(answered.processInstanceId()).taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        taskService.complete(task.getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Lou, je suis Amina."));
        managementService.createJobQuery().processInstanceId(answered.processInstanceId()).activityId("taskSendFirstAnswer").list()
                .forEach(job -> managementService.executeJob(job.getId()));

        var funnel = json.readTree(as("funnelSupervisor", "/api/reporting/funnel?par=campagne").body());
        var row = java.util.stream.StreamSupport.stream(funnel.get("rows").spliterator(), false)
                .filter(r -> r.get("group").asText().equals("tiktok-entonnoir")).findFirst().orElseThrow();
        assertThat(row.get("stages").get("contacts").asLong()).isEqualTo(2);
        assertThat(row.get("stages").get("answered24h").asLong()).isEqualTo(1);
        assertThat(row.get("stages").get("diagnosed").asLong()).isZero();
        assertThat(funnel.get("medianHoursToFirstAnswer").isNumber()).isTrue();
        assertThat(funnel.toString()).doesNotContain("Lou").doesNotContain("Bonjour");

        var page = as("funnelSupervisor", "/tableau-de-bord/campagnes?par=campagne");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tableau de bord des campagnes", "<img src=\"data:image/png;base64,", "alt=\"Entonnoir : Premiers contacts",
                "<th scope=\"row\">tiktok-entonnoir</th><td>2</td><td>1 (50 %)</td>", "Charge des médiateurs", "Télécharger en CSV");

        var csv = as("funnelSupervisor", "/tableau-de-bord/campagnes.csv?par=campagne");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF\"Campagne\";\"Premiers contacts\";\"Réponse d'un médiateur en moins de 24 h\"")
                .contains("\"tiktok-entonnoir\";2;1;0").contains("\"'=HYPERLINK(\"\"x\"\")\";1");
    }

    @Test
    void everyGroupingWorksAndBadAddressesAreRefusedInFrench() {
        gateway.startFromFirstContact(new FirstContact("whatsapp", "funnel-4", "Lina", "instagram-semaine", "Bonjour"));
        for (String by : new String[] {"canal", "territoire", "semaine"}) {
            assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes?par=" + by).statusCode()).as(by).isEqualTo(200);
        }
        assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes?par=canal").body()).contains("<th scope=\"row\">WhatsApp</th>");
        assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes?par=semaine").body()).containsPattern("<th scope=\"row\">\\d{4}-S\\d{2}</th>");

        var badBy = as("funnelSupervisor", "/tableau-de-bord/campagnes?par=humeur");
        assertThat(badBy.statusCode()).isEqualTo(400);
        assertThat(badBy.body()).contains("Regroupement inconnu");
        var badDate = as("funnelSupervisor", "/tableau-de-bord/campagnes?depuis=hier");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("Date incorrecte");
        assertThat(as("funnelSupervisor", "/api/reporting/funnel?depuis=2026-13-01").statusCode()).isEqualTo(400);
        assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes.csv?par=x").statusCode()).isEqualTo(400);
        assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes?depuis=2099-01-01").body()).contains("0 parcours");
        assertThat(as("funnelSupervisor", "/tableau-de-bord/campagnes?depuis=2999-01-01").statusCode()).as("a year out of range").isEqualTo(400);
    }

    @Test
    void mediatorsAndStrangersDoNotSeeTheDashboard() {
        assertThat(as("funnelMediator", "/tableau-de-bord/campagnes").statusCode()).isEqualTo(403);
        assertThat(as("funnelMediator", "/tableau-de-bord/campagnes.csv").statusCode()).isEqualTo(403);
        assertThat(as("funnelMediator", "/api/reporting/funnel").statusCode()).isEqualTo(403);
        assertThat(send(get(port, "/api/reporting/funnel")).statusCode()).isEqualTo(401);
    }
}
