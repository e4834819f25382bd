package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The one layout: its navigation comes from messages.properties and shows the links a person's role opens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TeamNavigationTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "navLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "navSupervisor", Roles.SUPERVISORS);
    }

    @Test
    void aLeadSeesEveryPageOfTheProgrammeInFrench() {
        HttpResponse<String> page = get("/tableau-de-bord", "navLead");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(TemplatePages.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("<title>Chiffres du programme — Passerelle</title>",
                "<a href=\"/camunda/app/tasklist/\">Tâches</a>", "<a href=\"/annuaire/partenaires\">Annuaire des partenaires</a>",
                "<a href=\"/programme/textes\">Textes du programme</a>", "<a href=\"/programme/mentors\">Mentors</a>",
                "navLead", "<a href=\"/deconnexion\">Se déconnecter</a>")
                // A key missing from messages.properties would show as ??key_fr??.
                .doesNotContain("??");
    }

    @Test
    void aSupervisorSeesTheFiguresButNotTheLeadsPages() {
        HttpResponse<String> page = get("/tableau-de-bord/campagnes", "navSupervisor");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/tableau-de-bord\">Chiffres du programme</a>",
                "<a href=\"/camunda/app/cockpit/\">Suivi des parcours</a>")
                .doesNotContain("/annuaire/partenaires", "/programme/textes", "??");
    }

    @Test
    void aPageOpenedFromALinkHasNoNavigation() {
        HttpResponse<String> page = get("/mentors/inscription", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Devenir mentor — Passerelle</title>").doesNotContain("<nav", "Se déconnecter", "??");
    }

    private HttpResponse<String> get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        if (user != null) {
            request.header("Authorization", Http.basic(user, TestUsers.password(user)));
        }
        return Http.send(request);
    }
}
