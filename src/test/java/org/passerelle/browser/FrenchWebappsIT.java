package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Tasklist, Cockpit and Admin speak French from the login page on, without the Camunda 8 banner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FrenchWebappsIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void tasklistSpeaksFrenchToAMediator() {
        String mediator = TestUsers.ensure(identity, "frenchMediator", Roles.MEDIATORS);
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
        page.locator("input[ng-model=password]").waitFor();
        assertThat(page.locator("input[ng-model=password]").getAttribute("placeholder")).isEqualTo("Mot de passe");
        BrowserSession.screenshot(page, "french-tasklist-login");
        BrowserSession.logIn(page, mediator, TestUsers.password(mediator));

        try {
            page.getByText("À traiter").first().waitFor();
        } catch (com.microsoft.playwright.TimeoutError slowStart) {
            // On a loaded machine Tasklist may boot after the wait: one reload, then the same expectation.
            BrowserSession.screenshot(page, "french-tasklist-slow-start");
            page.reload();
            page.getByText("À traiter").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
        }
        page.getByText("À traiter").first().click();
        page.getByText("Création").first().waitFor();
        BrowserSession.screenshot(page, "french-tasklist");
        String text = page.locator("body").innerText();
        assertThat(text).doesNotContain("Sort by", "Created", "No task matching filters found", "Start process", "Sign out");
        assertThat(page.locator(".ce-eol-banner").isVisible()).isFalse();
    }

    @Test
    void cockpitAndAdminSpeakFrenchToAnAdministrator() {
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/dashboard");
        BrowserSession.logIn(page, "admin", "admin-test");
        page.getByText("Instances de processus en cours").first().waitFor();
        BrowserSession.screenshot(page, "french-cockpit");
        assertThat(page.locator("body").innerText()).doesNotContain("Dashboard", "Processes", "Decisions", "Deployments");
        assertThat(page.locator(".ce-eol-banner").isVisible()).isFalse();

        page.navigate("http://localhost:" + port + "/camunda/app/admin/default/#/users");
        page.getByText("Utilisateurs").first().waitFor();
        BrowserSession.screenshot(page, "french-admin");
        assertThat(page.locator("body").innerText()).doesNotContain("Users", "Groups", "Authorizations");
    }
}
