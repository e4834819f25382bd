package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerRepository;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A programme lead completes a Mission Locale's contact address in the directory, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerDirectoryIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired PartnerRepository partners;

    @Test
    void aLeadFindsTheServicesWithoutEmailAndCompletesOne() {
        String lead = TestUsers.ensure(identity, "browserLead", Roles.PROGRAMME_LEADS);
        Partner ml = partners.save(new Partner("Mission Locale du Lot navigateur", PartnerNetworks.MISSION_LOCALE, "46", "", 16, 25));
        Page page = browser.newPage();

        // One login for Camunda's webapps and our pages: the directory sends a stranger to the French login page.
        page.navigate("http://localhost:" + port + "/annuaire/partenaires");
        BrowserSession.logIn(page, lead, TestUsers.password(lead));
        page.getByText("Annuaire des partenaires").first().waitFor();
        BrowserSession.screenshot(page, "welcome-after-login");
        page.navigate("http://localhost:" + port + "/annuaire/partenaires");
        page.getByText("Se déconnecter").first().waitFor();
        page.getByLabel("Département").selectOption("46");
        page.getByLabel("Seulement les structures sans courriel").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rechercher")).click();
        assertThat(page.locator("tbody").innerText()).contains("Mission Locale du Lot navigateur", "à compléter");
        BrowserSession.screenshot(page, "directory-1-without-email");

        page.locator("tr", new Page.LocatorOptions().setHasText("Mission Locale du Lot navigateur")).getByText("Modifier").click();
        page.getByLabel("Courriel (reçoit les orientations)").fill("contact.ml46.example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator(".errors").innerText()).contains("adresse courriel invalide : contact.ml46.example.org");
        assertThat(page.getByLabel("Courriel (reçoit les orientations)").inputValue()).isEqualTo("contact.ml46.example.org");
        BrowserSession.screenshot(page, "directory-2-refused");

        page.getByLabel("Courriel (reçoit les orientations)").fill("contact@ml46.example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("body").innerText()).contains("Mission Locale du Lot navigateur est à jour.");
        assertThat(partners.findById(ml.getId()).orElseThrow().getEmail()).isEqualTo("contact@ml46.example.org");
    }
}
