package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.send;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mentor's way in over real HTTP and SMTP: sign-up, confirmation link, a programme lead's validation, the welcome
 * email and the mentor's own space; bad input and bad links change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorSignUpTest {

    @RegisterExtension
    static GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server().withPerMethodLifecycle(true);

    @LocalServerPort int port;
    @Autowired MentorRepository mentors;
    @Autowired org.passerelle.referral.ReferralLinks referralLinks;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;

    private static String form(String email) {
        return "prenom=Julien&nom=Moreau&entreprise=Orange&metier=Ing%C3%A9nieur+r%C3%A9seau&secteur=numerique&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&departements=93%2C+971&aides=cv&aides=entretien"
                + "&objectifs=alternance&langues=fran%C3%A7ais%2C+cr%C3%A9ole&capacite=2&disponibilites=soirs&accord=oui";
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET());
    }

    private static String link(MimeMessage email, String path) throws Exception {
        Matcher link = Pattern.compile("http://localhost" + path + "\\?t=(\\S+)").matcher(email.getContent().toString());
        assertThat(link.find()).as(email.getContent().toString()).isTrue();
        return java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private static String t(String token) {
        return "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Autowired org.passerelle.programme.ProgrammeTexts programmeTexts;
    @Autowired org.passerelle.programme.ProgrammeTextRepository programmeTextVersions;

    @Test
    void theConfirmationEmailSaysWhatTheLeadWrote() throws Exception {
        var version = programmeTexts.save(org.passerelle.programme.ProgrammeTexts.MENTOR_CONFIRM_ADDRESS_EMAIL,
                "Bonjour {{mentor}}, un clic pour confirmer votre venue chez les mentors Kréyol : {{lien}}", "responsable");
        try {
            post("/mentors/inscription", form("lea.texte@signup.example.org").replace("prenom=Julien", "prenom=L%C3%A9a"));

            MimeMessage email = smtp.getReceivedMessages()[0];
            assertThat(email.getSubject()).isEqualTo("Confirmez votre inscription comme mentor Passerelle");
            assertThat(email.getContent().toString()).startsWith("Bonjour Léa, un clic pour confirmer votre venue chez les mentors Kréyol : "
                    + "http://localhost");
            assertThat(link(email, "/mentors/confirmation")).isNotBlank();
        } finally {
            programmeTextVersions.delete(version);
            programmeTexts.forgetReadBodies();
        }
    }

    @Test
    void aMentorSignsUpConfirmsTheAddressAndIsValidatedByAProgrammeLead() throws Exception {
        assertThat(get("/mentors/inscription").body()).contains("<html lang=\"fr\">", "Devenir mentor", "M'inscrire comme mentor");

        HttpResponse<String> sent = post("/mentors/inscription", form("julien.moreau@signup.example.org"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Vérifiez votre boîte de réception");
        Mentor mentor = mentors.findByEmail("julien.moreau@signup.example.org").orElseThrow();
        assertThat(mentor.getStatus()).isEqualTo(Mentor.Status.EMAIL_TO_CONFIRM);
        assertThat(mentor.getTerritories()).containsExactly("93", "971");
        assertThat(mentor.getHelps()).containsExactly("cv", "entretien");
        String confirm = link(smtp.getReceivedMessages()[0], "/mentors/confirmation");

        // Opening the link changes nothing (mail scanners open links too); the button confirms.
        assertThat(get("/mentors/confirmation?" + t(confirm)).body()).contains("Je confirme mon inscription");
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.EMAIL_TO_CONFIRM);
        assertThat(post("/mentors/confirmation", t(confirm)).body()).contains("Adresse confirmée");
        assertThat(post("/mentors/confirmation", t(confirm)).body()).contains("Adresse déjà confirmée");

        var task = taskService.createTaskQuery().processInstanceBusinessKey("mentor-" + mentor.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(MentorValidation.Tasks.VALIDATE);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "responsables-programme".equals(l.getGroupId()));
        assertThat(taskService.getVariable(task.getId(), MentorValidation.Vars.SIGN_UP).toString())
                .contains("Julien Moreau — Orange, Ingénieur réseau", "Secteur : Numérique", "Départements : 93, 971");
        taskService.complete(task.getId(), Map.of(MentorValidation.Vars.DECISION, MentorValidation.Vars.ACCEPT));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getId());

        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.ACTIVE);
        MimeMessage welcome = smtp.getReceivedMessages()[1];
        assertThat(welcome.getSubject()).isEqualTo("Bienvenue parmi les mentors Passerelle");
        String space = link(welcome, "/mentors/espace");

        HttpResponse<String> page = get("/mentors/espace?" + t(space));
        assertThat(page.body()).contains("Bonjour Julien", "Vous suivez 0 jeune sur 2 possibles");
        assertThat(post("/mentors/espace", t(space) + "&action=pause").body()).contains("Vous êtes en pause");
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.PAUSED);
        assertThat(post("/mentors/espace", t(space) + "&action=reprendre").body()).contains("Vous recevez des propositions");
        HttpResponse<String> zero = post("/mentors/espace", t(space) + "&action=capacite&capacite=0");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("entre 1 et 10");
        assertThat(post("/mentors/espace", t(space) + "&action=capacite&capacite=3").statusCode()).isEqualTo(200);
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getCapacity()).isEqualTo(3);

        assertThat(post("/mentors/espace", t(space) + "&action=quitter").statusCode()).isEqualTo(400);
        assertThat(post("/mentors/espace", t(space) + "&action=quitter&confirme=oui").body()).contains("Vous avez quitté le programme");
        Mentor erased = mentors.findById(mentor.getId()).orElseThrow();
        assertThat(erased.getStatus()).isEqualTo(Mentor.Status.ERASED);
        assertThat(erased.getEmail()).isNull();
        assertThat(erased.getFirstName() + erased.getLastName() + erased.getCompany()).doesNotContain("Julien", "Moreau", "Orange");
        assertThat(erased.getSector()).isEqualTo("numerique");
        assertThat(get("/mentors/espace?" + t(space)).statusCode()).isEqualTo(400);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("mentor-" + mentor.getId()).count())
                .as("the validation, and the sign-up it showed, go with the mentor").isZero();
    }

    @Test
    void anInvalidSignUpComesBackWithEveryErrorAndTheTypedValuesAndStoresNothing() {
        long before = mentors.count();

        HttpResponse<String> refused = post("/mentors/inscription", "prenom=L%C3%A9a&nom=&entreprise=EDF&secteur=spatial"
                + "&email=pas-une-adresse&departements=999&objectifs=stage&capacite=40&accord=oui&disponibilites=%3Cscript%3E");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Votre inscription n'est pas enregistrée", "Indiquez le nom.",
                "Choisissez le secteur dans la liste.", "L&#39;adresse e-mail n&#39;est pas valide", "Département inconnu : « 999 »",
                "Choisissez au moins une aide", "de 1 à 10", "value=\"Léa\"", "value=\"EDF\"", "value=\"pas-une-adresse\"",
                "value=\"&lt;script&gt;\"").doesNotContain("<script>");
        assertThat(mentors.count()).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        HttpResponse<String> noConsent = post("/mentors/inscription", form("no-consent@signup.example.org").replace("&accord=oui", ""));
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(noConsent.body()).contains("Cochez la case d&#39;accord");
        assertThat(mentors.findByEmail("no-consent@signup.example.org")).isEmpty();
    }

    @Test
    void signingUpTwiceGivesOneMentorAndNobodyRewritesSomeoneElsesSignUp() throws Exception {
        post("/mentors/inscription", form("twice@signup.example.org"));
        HttpResponse<String> again = post("/mentors/inscription", form("Twice@Signup.example.org ").replace("capacite=2", "capacite=4")
                .replace("Orange", "Usurpateur"));

        assertThat(again.body()).contains("Vérifiez votre boîte de réception");
        Mentor mentor = mentors.findByEmail("twice@signup.example.org").orElseThrow();
        assertThat(mentor.getCapacity()).as("the first sign-up stays").isEqualTo(2);
        assertThat(mentor.getCompany()).isEqualTo("Orange");
        // The same link again: whoever typed the address cannot kill the first email's link either.
        String first = link(smtp.getReceivedMessages()[0], "/mentors/confirmation");
        String second = link(smtp.getReceivedMessages()[1], "/mentors/confirmation");
        assertThat(second).isEqualTo(first);
        assertThat(get("/mentors/confirmation?" + t(first)).body()).contains("Vous confirmez cette inscription", "Julien Moreau — Orange");
        assertThat(post("/mentors/confirmation", t(first)).statusCode()).isEqualTo(200);

        HttpResponse<String> third = post("/mentors/inscription", form("twice@signup.example.org").replace("Orange", "Concurrent"));
        assertThat(third.body()).contains("Vérifiez votre boîte de réception");
        assertThat(mentors.findByEmail("twice@signup.example.org").orElseThrow().getCompany()).isEqualTo("Orange");
        assertThat(smtp.getReceivedMessages()[2].getContent().toString()).contains("rien n'a été modifié");

        // A fourth sign-up the same day sends nothing more to that address.
        post("/mentors/inscription", form("twice@signup.example.org"));
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void anAddressAMailLibraryWouldReadAsSeveralIsRefused() {
        HttpResponse<String> refused = post("/mentors/inscription", form("a,b@signup.example.org"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("L&#39;adresse e-mail n&#39;est pas valide");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTamperedOrForeignLinkIsRefusedAndChangesNothing() throws Exception {
        post("/mentors/inscription", form("tamper@signup.example.org"));
        String confirm = link(smtp.getReceivedMessages()[0], "/mentors/confirmation");
        Mentor mentor = mentors.findByEmail("tamper@signup.example.org").orElseThrow();

        String tampered = confirm.replaceFirst("\\.\\d+\\.", "." + (mentor.getId() + 1) + ".");
        assertThat(post("/mentors/confirmation", t(tampered)).statusCode()).isEqualTo(400);
        assertThat(post("/mentors/confirmation", "t=").statusCode()).isEqualTo(400);
        assertThat(post("/mentors/confirmation", "").statusCode()).isEqualTo(400);
        // A confirmation link is no key to a mentor's space, nor to a proposal.
        assertThat(get("/mentors/espace?" + t(confirm)).statusCode()).isEqualTo(400);
        assertThat(get("/mentors/proposition?" + t(confirm)).statusCode()).isEqualTo(400);
        assertThat(get("/mentors/point?" + t(confirm)).statusCode()).isEqualTo(400);
        String expired = referralLinks.token("mentor-confirm", mentor.getId(), mentor.getLinkNonce(), java.time.Duration.ofMinutes(-1));
        HttpResponse<String> late = post("/mentors/confirmation", t(expired));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Lien expiré", "Inscrivez-vous à nouveau");
        assertThat(mentors.findById(mentor.getId()).orElseThrow().getStatus()).isEqualTo(Mentor.Status.EMAIL_TO_CONFIRM);
    }

    @Test
    void aRobotFillingTheHiddenFieldIsAnsweredButNothingIsStored() {
        HttpResponse<String> robot = post("/mentors/inscription", form("robot@signup.example.org") + "&site=http%3A%2F%2Fspam");

        assertThat(robot.statusCode()).isEqualTo(200);
        assertThat(mentors.findByEmail("robot@signup.example.org")).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
