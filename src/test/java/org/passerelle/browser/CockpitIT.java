package org.passerelle.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A supervisor's view: Cockpit lists the deployed journey models (read-only role). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.IdentityService identity;

    @Test
    void aSupervisorSeesTheJourneyModelsInCockpit() {
        String supervisor = org.passerelle.testsupport.TestUsers.ensure(identity, "browserSupervisor",
                org.passerelle.security.Roles.SUPERVISORS);
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
        BrowserSession.logIn(page, supervisor, org.passerelle.testsupport.TestUsers.password(supervisor));

        page.getByText("Parcours du jeune").first().waitFor();
        page.getByText("Recherche d'un mentor").first().waitFor();
        BrowserSession.screenshot(page, "cockpit-processes");
    }
}
