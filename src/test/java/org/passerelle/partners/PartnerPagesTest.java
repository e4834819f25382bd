package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.send;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Programme leads list, search, edit and deactivate partners; everyone else is kept out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerPagesTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired PartnerRepository partners;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String lead;

    @BeforeEach
    void users() {
        lead = TestUsers.ensure(identity, "pagesLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "pagesMediator", Roles.MEDIATORS);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", basic(user, TestUsers.password(user)));
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(lead, TestUsers.password(lead)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aPageThatDoesNotExistAnswersInFrenchToABrowserAndInJsonToAProgram() throws Exception {
        var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partenaires"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page introuvable", "lang=\"fr\"").doesNotContain("Whitelabel", "Not Found");

        var api = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partenaires"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    @Test
    void aProgrammeLeadSearchesEditsAndDeactivatesAPartner() throws Exception {
        Partner partner = partners.save(new Partner("Mission Locale de Bobigny", PartnerNetworks.MISSION_LOCALE, "93",
                "ml.bobigny@example.org", 16, 25));
        partners.save(new Partner("Mission Locale de Lyon pages", PartnerNetworks.MISSION_LOCALE, "69", "ml.lyon@example.org", 16, 25));

        var list = get("/annuaire/partenaires?q=bobigny&departement=93", lead);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Mission Locale de Bobigny").doesNotContain("Lyon pages");

        var edit = get("/annuaire/partenaires/" + partner.getId(), lead);
        String token = csrf(edit.body());
        var invalid = post("/annuaire/partenaires/" + partner.getId(), "_csrf=" + token
                + "&nom=Mission+Locale+de+Bobigny&reseau=mission-locale&departement=93&age_min=30&age_max=20&zones=dep%3A93");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("âge minimum supérieur à l&#39;âge maximum");

        var saved = post("/annuaire/partenaires/" + partner.getId(), "_csrf=" + token
                + "&nom=Mission+Locale+Bobigny+Drancy&reseau=mission-locale&departement=93&courriel=ml%40example.org"
                + "&age_min=16&age_max=25&zones=dep%3A93%2Cdep%3A95&places=6");
        assertThat(saved.statusCode()).isEqualTo(200);
        Partner updated = partners.findById(partner.getId()).orElseThrow();
        assertThat(updated.getName()).isEqualTo("Mission Locale Bobigny Drancy");
        assertThat(updated.getZoneEligibilite()).isEqualTo("dep:93,dep:95");
        assertThat(updated.getCapacity()).isEqualTo(6);

        var confirmation = post("/annuaire/partenaires/" + partner.getId() + "/desactiver", "_csrf=" + token);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Désactiver Mission Locale Bobigny Drancy ?", "Oui, désactiver");
        assertThat(partners.findById(partner.getId()).orElseThrow().isActive()).as("not before the confirmation").isTrue();
        assertThat(post("/annuaire/partenaires/" + partner.getId() + "/desactiver", "_csrf=" + token + "&confirme=oui").statusCode())
                .isEqualTo(200);
        assertThat(partners.findById(partner.getId()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void theDirectorySpeaksInLabelsAndFindsATerritoryByName() throws Exception {
        partners.save(new Partner("RSMA pages Martinique", PartnerNetworks.RSMA, "972", "rsma972@example.org", 18, 25));

        var found = get("/annuaire/partenaires?q=martinique", lead);
        var form = get("/annuaire/partenaires/nouveau", lead);

        assertThat(found.body()).contains("RSMA pages Martinique", "972 — Martinique");
        assertThat(form.body()).contains("<option value=\"972\">972 — Martinique</option>", ">CAP/BEP</option>",
                ">master</option>", "Reconnaissance de la qualité de travailleur handicapé");
        assertThat(form.body()).doesNotContain("masterPlus)", "(mission-locale, france-travail");
    }

    @Test
    void aProgrammeLeadAddsAPartnerByHandAndCanReactivateIt() throws Exception {
        var blank = get("/annuaire/partenaires/nouveau", lead);
        assertThat(blank.statusCode()).isEqualTo(200);
        String token = csrf(blank.body());

        var refused = post("/annuaire/partenaires/nouveau", "_csrf=" + token
                + "&nom=E2C+Mende&reseau=e2c&departement=48&courriel=pas-un-courriel&age_max=dix");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("adresse courriel invalide : pas-un-courriel", "âge maximum n&#39;est pas un nombre : dix",
                "value=\"E2C Mende\"");
        assertThat(partners.findAll()).noneMatch(p -> "E2C Mende".equals(p.getName()));

        var created = post("/annuaire/partenaires/nouveau", "_csrf=" + token
                + "&nom=E2C+Mende&reseau=e2c&departement=48&courriel=e2c48%40example.org");
        assertThat(created.statusCode()).isEqualTo(201);
        Partner e2c = partners.findAll().stream().filter(p -> "E2C Mende".equals(p.getName())).findFirst().orElseThrow();
        assertThat(e2c.getAgeMax()).as("the network's rule when left empty").isEqualTo(25);
        assertThat(e2c.getMaxDiplomaLevel()).isEqualTo("aucun");
        assertThat(e2c.getZoneEligibilite()).isEqualTo("dep:48");
        assertThat(get("/annuaire/partenaires?q=mende", lead).body()).contains("E2C Mende", "e2c48@example.org");

        assertThat(post("/annuaire/partenaires/" + e2c.getId() + "/desactiver", "_csrf=" + token + "&confirme=oui").statusCode()).isEqualTo(200);
        assertThat(get("/annuaire/partenaires/" + e2c.getId(), lead).body()).contains("Réactiver ce partenaire");
        assertThat(post("/annuaire/partenaires/" + e2c.getId() + "/reactiver", "_csrf=" + token).statusCode()).isEqualTo(200);
        assertThat(partners.findById(e2c.getId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void overLongOrInvisibleTextIsRefusedInFrenchAndTheTypedValuesStay() throws Exception {
        String token = csrf(get("/annuaire/partenaires/nouveau", lead).body());
        String longName = "Mission Locale ".repeat(20);

        var tooLong = post("/annuaire/partenaires/nouveau", "_csrf=" + token + "&nom="
                + java.net.URLEncoder.encode(longName, java.nio.charset.StandardCharsets.UTF_8) + "&reseau=e2c&departement=48");
        var hidden = post("/annuaire/partenaires/nouveau", "_csrf=" + token + "&nom="
                + java.net.URLEncoder.encode("E2C \u202Eedneм\u0000", java.nio.charset.StandardCharsets.UTF_8) + "&reseau=e2c&departement=48");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Security-Policy")).as("no script may run on our pages")
                .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(tooLong.body()).contains("nom trop long : ", "(200 au plus)", "value=\"" + longName.strip());
        assertThat(hidden.statusCode()).isEqualTo(400);
        assertThat(hidden.body()).contains("nom : caractères invisibles ou de contrôle refusés");
        assertThat(partners.findAll()).noneMatch(p -> p.getName().startsWith("Mission Locale Mission Locale"));
    }

    @Test
    void servicesWithoutEmailAreFlaggedAndCanBeListedAlone() throws Exception {
        partners.save(new Partner("ML Pages Sans Contact", PartnerNetworks.MISSION_LOCALE, "15", "", 16, 25));
        partners.save(new Partner("ML Pages Avec Contact", PartnerNetworks.MISSION_LOCALE, "15", "ml15@example.org", 16, 25));

        var all = get("/annuaire/partenaires?departement=15", lead);
        assertThat(all.body()).contains("ML Pages Sans Contact", "ML Pages Avec Contact", "ml15@example.org", "à compléter",
                "2 structure(s), dont 1 sans courriel");

        var missing = get("/annuaire/partenaires?departement=15&sansCourriel=oui", lead);
        assertThat(missing.body()).contains("ML Pages Sans Contact", "1 structure(s)").doesNotContain("ML Pages Avec Contact");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        Partner partner = partners.save(new Partner("ML sans jeton", PartnerNetworks.MISSION_LOCALE, "93", "x@example.org", 16, 25));

        assertThat(post("/annuaire/partenaires/" + partner.getId() + "/desactiver", "").statusCode()).isEqualTo(403);
        assertThat(partners.findById(partner.getId()).orElseThrow().isActive()).isTrue();
    }

    @Test
    void onlyProgrammeLeadsSeeTheDirectory() throws Exception {
        assertThat(get("/annuaire/partenaires", null).statusCode()).isEqualTo(401);
        assertThat(get("/annuaire/partenaires", "pagesMediator").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/annuaire/partenaires/1"))).statusCode()).isEqualTo(401);
        assertThat(get("/annuaire/partenaires/nouveau", "pagesMediator").statusCode()).isEqualTo(403);
    }
}
