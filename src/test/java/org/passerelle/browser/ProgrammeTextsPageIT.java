package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.programme.ProgrammeTextRepository;
import org.passerelle.programme.ProgrammeTexts;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A programme lead edits a nudge's text in Chromium: preview, a refused text with its reason, then a saved version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgrammeTextsPageIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ProgrammeTexts texts;
    @Autowired ProgrammeTextRepository versions;

    @AfterEach
    void shippedTextsAgain() {
        versions.deleteAll();
        texts.forgetReadBodies();
    }

    @Test
    void aLeadPreviewsAndSavesANudgeText() {
        String lead = TestUsers.ensure(identity, "textsBrowserLead", Roles.PROGRAMME_LEADS);
        Page page = browser.newPage();
        page.navigate("http://localhost:" + port + "/programme/textes");
        BrowserSession.logIn(page, lead, TestUsers.password(lead));
        // Camunda's login page signs in, then shows the welcome page: our pages share that session.
        page.getByText("Annuaire des partenaires").first().waitFor();
        page.navigate("http://localhost:" + port + "/programme/textes");
        page.getByText("Relance (2e, 5e…)").click();
        page.getByLabel("Texte").fill("Salut {{prenom}} !\nOn fait le point sur ta recherche cette semaine ?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aperçu")).click();
        page.getByText("Salut Neila !").waitFor();
        BrowserSession.screenshot(page, "programme-texts-1-preview");

        page.getByLabel("Texte").fill("Salut {{nom}} !");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
        page.locator(".errors").waitFor();
        assertThat(page.locator(".errors").innerText()).contains("« {{nom}} » n'est pas une valeur connue de ce texte");

        page.getByLabel("Texte").fill("Salut {{prenom}} !\nOn fait le point sur ta recherche cette semaine ?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer une nouvelle version")).click();
        page.getByText("Version 1 enregistrée").waitFor();
        BrowserSession.screenshot(page, "programme-texts-2-saved");
        assertThat(texts.current(ProgrammeTexts.NUDGE_2)).isEqualTo("Salut {{prenom}} !\nOn fait le point sur ta recherche cette semaine ?");
    }
}
