package org.passerelle.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.selftest.SelfTest;
import org.passerelle.selftest.SelfTestQuestions;
import org.passerelle.selftest.SelfTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A youth takes the skills self-test on a phone: every answer by its label, a forgotten one said, then the results. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfTestIT {

    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    @LocalServerPort int port;
    @Autowired SelfTests selfTests;
    @Autowired SelfTestQuestions questions;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;

    @Test
    void aYouthAnswersOnAPhoneForgetsOneAndReadsTheResults() {
        Youth youth = youths.save(new Youth("whatsapp", "selftest-browser", "Maya", null, Instant.now()));
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        SelfTest test = selfTests.send(journey.getId(), null);
        String path = selfTests.url(test).replace("http://localhost", "");
        Page page = browser.newPage();
        page.setViewportSize(390, 844);
        page.navigate("http://localhost:" + port + path);
        assertThat(page.locator("h1")).hasText("Ton test : goûts et points forts");

        var all = questions.all();
        for (int i = 0; i < all.size(); i++) {
            if (i == 3) {
                continue; // forgotten
            }
            var fieldset = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName((i + 1) + ". " + all.get(i).statement()));
            fieldset.getByLabel(all.get(i).dimension().equals("S") ? "Tout à fait" : "Un peu").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir mes résultats")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Il manque 1 réponse");
        assertThat(page.getByLabel("Tout à fait").nth(6)).isChecked();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        BrowserSession.screenshot(page, "self-test-missing-answer");

        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^4\\. ")))
                .getByLabel("Plutôt oui").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voir mes résultats")).click();
        assertThat(page.locator("h1")).hasText("Merci, voici tes résultats");
        assertThat(page.locator("body")).containsText("Social : aider, conseiller");
        BrowserSession.screenshot(page, "self-test-results");
    }
}
