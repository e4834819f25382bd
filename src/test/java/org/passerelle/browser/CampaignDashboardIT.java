package org.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/** A supervisor logs in once, opens the campaign dashboard, regroups it by territory and sees the charts and tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CampaignDashboardIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JourneyGateway gateway;

    @Test
    void aSupervisorReadsTheFunnelByTerritoryWithItsCharts() {
        String supervisor = TestUsers.ensure(identity, "dashboardSupervisor", Roles.SUPERVISORS);
        gateway.startFromFirstContact(new FirstContact("whatsapp", "dashboard-1", "Lou", "tiktok-navigateur", "Bonjour"));
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/tableau-de-bord/campagnes");
        BrowserSession.logIn(page, supervisor, TestUsers.password(supervisor));
        page.getByText("Chiffres du programme").first().waitFor();
        page.navigate("http://localhost:" + port + "/tableau-de-bord/campagnes");

        assertThat(page.locator("h1")).hasText("Tableau de bord des campagnes");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("tiktok-navigateur"))).isVisible();
        page.getByLabel("Regrouper par").selectOption("territoire");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afficher")).click();
        assertThat(page.locator("h2").first()).hasText("Entonnoir par territoire");
        assertThat(page.getByAltText(java.util.regex.Pattern.compile("^Entonnoir : Premiers contacts"))).isVisible();
        Object chartWidth = page.locator("img").first().evaluate("image => image.naturalWidth");
        assertThat(((Number) chartWidth).intValue()).as("the chart is drawn").isGreaterThan(100);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Télécharger en CSV")).getAttribute("href"))
                .isEqualTo("/tableau-de-bord/campagnes.csv?par=territoire");
        BrowserSession.screenshot(page, "campaign-dashboard");
    }
}
