package org.passerelle.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.followup.FollowUp;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue "programme changes without Java", change (g): a programme lead edits a nudge's text on "Textes du
 * programme" with a preview; the next nudge a youth receives carries it; bad texts are refused in French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgrammeTextsTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ProgrammeTexts texts;
    @Autowired ProgrammeTextRepository versions;
    @Autowired JourneyGateway gateway;
    @Autowired FollowUp followUp;
    @Autowired ConversationMessageRepository messages;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String lead;

    @BeforeEach
    void users() {
        lead = TestUsers.ensure(identity, "textsLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "textsMediator", Roles.MEDIATORS);
        TestUsers.ensure(identity, "textsSupervisor", Roles.SUPERVISORS);
    }

    @AfterEach
    void shippedTextsAgain() {
        versions.deleteAll();
        texts.forgetReadBodies();
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user, TestUsers.password(user))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body, String action) throws Exception {
        String form = "_csrf=" + token + "&action=" + action + "&body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(lead, TestUsers.password(lead)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void shippedTextsGreetByFirstNameAndDropWhatIsMissing() {
        assertThat(texts.render(ProgrammeTexts.NUDGE_1, Map.of("prenom", "Neila"))).startsWith("Bonjour Neila, c'est ton médiateur.");
        assertThat(texts.render(ProgrammeTexts.NUDGE_1, Map.of("prenom", ""))).startsWith("Bonjour, c'est ton médiateur.");
        String withContact = texts.render(ProgrammeTexts.APPOINTMENT, Map.of("prenom", "Neila", "structure", "ML Lens",
                "quand", "le mardi 15 décembre à 14 h 30", "contact", "Mme Diallo"));
        assertThat(withContact).isEqualTo("Bonne nouvelle Neila ! ML Lens t'attend le mardi 15 décembre à 14 h 30 pour ton "
                + "premier rendez-vous. Contact : Mme Diallo. Ils vont t'accompagner près de chez toi. Réponds-nous si tu as une question.");
        assertThat(texts.render(ProgrammeTexts.APPOINTMENT, Map.of("prenom", "Neila", "structure", "ML Lens", "quand", "bientôt",
                "contact", ""))).doesNotContain("Contact").contains("premier rendez-vous. Ils vont");
        assertThat(texts.render(ProgrammeTexts.NUDGE_1, Map.of("prenom", "<b>&amp;"))).contains("Bonjour <b>&amp;,");
    }

    @Test
    void aPartnersEmailMustKeepItsAnswerLink() throws Exception {
        String token = csrf(get("/programme/textes/" + ProgrammeTexts.REFERRAL_EMAIL, lead).body());

        var withoutLink = post("/programme/textes/" + ProgrammeTexts.REFERRAL_EMAIL, token,
                "Bonjour,\nNous vous orientons {{jeune}}. Appelez-nous.", "enregistrer");
        assertThat(withoutLink.statusCode()).isEqualTo(400);
        assertThat(withoutLink.body()).contains("le texte doit contenir {{lien}}");

        var preview = post("/programme/textes/" + ProgrammeTexts.REFERRAL_EMAIL, token,
                "Bonjour,\nNous vous orientons {{jeune}}{{#age}}, {{age}} ans{{/age}}.\nRépondez ici : {{lien}}", "apercu");
        assertThat(preview.body()).contains("Nous vous orientons Neila, 19 ans.", "orientation?t=exemple");

        // As a browser sends a textarea: CRLF line breaks.
        var saved = post("/programme/textes/" + ProgrammeTexts.REFERRAL_EMAIL, token,
                "Bonjour,\r\nNous vous orientons {{jeune}}.\r\nRépondez ici : {{lien}}", "enregistrer");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(texts.current(ProgrammeTexts.REFERRAL_EMAIL)).isEqualTo("Bonjour,\nNous vous orientons {{jeune}}.\nRépondez ici : {{lien}}");
    }

    @Test
    void onlyProgrammeLeadsOpenThePage() throws Exception {
        assertThat(get("/programme/textes", lead).statusCode()).isEqualTo(200);
        assertThat(get("/programme/textes", lead).body()).contains("Textes du programme", "Relance (1re, 4e…)", "texte d'origine");
        assertThat(get("/programme/textes", "textsMediator").statusCode()).isEqualTo(403);
        assertThat(get("/programme/textes", "textsSupervisor").statusCode()).isEqualTo(403);
        assertThat(get("/programme/textes/inconnu", lead).statusCode()).isEqualTo(404);
    }

    @Test
    void aLeadPreviewsThenSavesANudgeAndTheNextNudgeCarriesIt() throws Exception {
        String page = get("/programme/textes/" + ProgrammeTexts.NUDGE_1, lead).body();
        String token = csrf(page);
        String edited = "Salut {{prenom}} ! Ici Le Déclic. Où en es-tu ? On peut se parler cette semaine ?";

        var preview = post("/programme/textes/" + ProgrammeTexts.NUDGE_1, token, edited, "apercu");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Aperçu", "Salut Neila ! Ici Le Déclic.");
        assertThat(versions.count()).as("a preview saves nothing").isZero();

        var unknown = post("/programme/textes/" + ProgrammeTexts.NUDGE_1, token, "Salut {{nom}} {{prenom", "enregistrer");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("« {{nom}} » n&#39;est pas une valeur connue de ce texte", "accolades incomplètes",
                "Salut {{nom}} {{prenom");
        assertThat(post("/programme/textes/" + ProgrammeTexts.NUDGE_1, token, "  ", "enregistrer").body()).contains("le texte est vide");

        var saved = post("/programme/textes/" + ProgrammeTexts.NUDGE_1, token, edited, "enregistrer");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Version 1 enregistrée", "textsLead");

        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "texts-nudge-1", "Inès", "tiktok", "Bonjour"));
        followUp.sendNudge(started.journeyId());
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(started.journeyId())).last()
                .extracting(ConversationMessage::getBody).isEqualTo("Salut Inès ! Ici Le Déclic. Où en es-tu ? On peut se parler cette semaine ?");

        post("/programme/textes/" + ProgrammeTexts.NUDGE_1, token, "Bonjour {{prenom}}, des nouvelles ?", "enregistrer");
        assertThat(texts.versions(ProgrammeTexts.NUDGE_1)).extracting(ProgrammeText::getVersion).containsExactly(2, 1);
        assertThat(get("/programme/textes/" + ProgrammeTexts.NUDGE_1, lead).body()).contains("Version 1", "Ici Le Déclic");
    }
}
