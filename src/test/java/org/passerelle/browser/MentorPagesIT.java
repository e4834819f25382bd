package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.mentoring.Mentor;
import org.passerelle.mentoring.MentorMatch;
import org.passerelle.mentoring.MentorMatchRepository;
import org.passerelle.mentoring.MentorRepository;
import org.passerelle.mentoring.Mentorship;
import org.passerelle.mentoring.MentorshipRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mentor's pages in a real browser: the public sign-up form on a phone (labels, errors kept with what was typed,
 * the confirmation link), the proposal from the email (accept with a first meeting, decline with a reason) and the
 * check-in that ends the mentorship.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorPagesIT {

    @RegisterExtension
    static GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server();
    @RegisterExtension static final BrowserSession browser = new BrowserSession();

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired MentorRepository mentors;
    @Autowired MentorMatchRepository matches;
    @Autowired MentorshipRepository mentorships;

    @BeforeAll
    static void patientAssertions() {
        PlaywrightAssertions.setDefaultAssertionTimeout(60_000); // generous: CI machines are loaded
    }

    // --- Reaching each state, as MentorshipJourneyTest does over HTTP ---

    private static String tag(String name) {
        return name + "-" + UNIQUE.incrementAndGet();
    }

    private Mentor activeMentor(String firstName, String tag) {
        var profile = new Mentor.Profile(firstName, "Navigateur", "Entreprise " + tag, "Technicien", "numerique",
                firstName.toLowerCase() + "." + tag + "@mentors-browser.example.org", List.of("971"), false, List.of("cv"),
                List.of("alternance"), "français", 1, null);
        return mentors.save(Mentor.of(profile, Mentor.Status.ACTIVE, Instant.now()));
    }

    private Journey youth(String tag) {
        Youth youth = new Youth("whatsapp", "browser-mentor-" + tag, "Inès", null, Instant.now());
        youth.setDepartement("971");
        youth.setHasProject(true);
        youth.setProject("Alternance de technicienne réseau");
        youth.setProjectSector("numerique");
        youths.save(youth);
        return journeys.save(new Journey(youth, Instant.now()));
    }

    record Proposed(ProcessInstance search, Journey journey, Mentor mentor, String path) {
    }

    /** A search for a mentor, the mediator's choice and the proposal email: the path of the link it carries. */
    private Proposed proposed(String name) throws Exception {
        String tag = tag(name);
        Mentor mentor = activeMentor("Julien", tag);
        Journey journey = youth(tag);
        ProcessInstance search = runtimeService.startProcessInstanceByKey("mentorMatching", journey.getId().toString(),
                Map.of("journeyId", journey.getId(), "youthFirstName", "Inès"));
        runJob(search.getId(), "taskRankMentors");
        var task = taskService.createTaskQuery().processInstanceId(search.getId()).taskDefinitionKey("taskProposeMentor").singleResult();
        taskService.complete(task.getId(), Map.of("mentorId", mentor.getId().toString(), "youthConsent", true));
        runJob(search.getId(), "taskSendMentorProposal");
        return new Proposed(search, journey, mentor, linkPath(lastTo(mentor.getEmail()), "/mentors/proposition"));
    }

    private void runJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    /** The last email to an address, waited for (GreenMail's messages are shared by the class's tests). */
    private MimeMessage lastTo(String address) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            MimeMessage[] sent = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, address)).toArray(MimeMessage[]::new);
            return sent.length == 0 ? null : sent[sent.length - 1];
        }, m -> m != null);
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The path and query of the link an email carries, as the browser will open it (still URL-encoded). */
    private static String linkPath(MimeMessage email, String path) throws Exception {
        String body = email.getContent().toString();
        Matcher link = Pattern.compile("http://localhost(" + Pattern.quote(path) + "\\?t=\\S+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator h1(Page page) {
        return page.locator("h1");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator exactLabel(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    // --- The tests ---

    @Test
    void aProfessionalSignsUpOnAPhoneCorrectsTheErrorsAndConfirmsTheAddress() throws Exception {
        String email = "lea." + tag("signup") + "@entreprise-browser.example.org";
        Page page = browser.newPage();
        page.setViewportSize(390, 844);
        page.navigate(url("/mentors/inscription"));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Devenir mentor");

        // Every field reached through its label: each input has one.
        exactLabel(page, "Prénom").fill("Léa");
        exactLabel(page, "Adresse e-mail professionnelle").fill(email);
        exactLabel(page, "Entreprise").fill("EDF Guadeloupe");
        exactLabel(page, "Métier").fill("Ingénieure réseau");
        exactLabel(page, "Secteur").selectOption(new SelectOption().setLabel("Numérique"));
        page.getByLabel("Départements où vous pouvez rencontrer un jeune").fill("999");
        exactLabel(page, "CV et lettre").check();
        exactLabel(page, "Entretien blanc").check();
        exactLabel(page, "Alternance").check();
        page.getByLabel("Langues parlées (facultatif)").fill("français, créole");
        page.getByLabel("Nombre de jeunes que vous pouvez suivre en même temps").fill("2");
        page.getByLabel("Vos disponibilités").fill("soirs de semaine");
        page.getByLabel("J'accepte que Passerelle garde ces informations").check();

        // An empty last name: the browser itself asks for it, nothing is sent.
        button(page, "M'inscrire comme mentor").click();
        PlaywrightAssertions.assertThat(page.locator("#nom:invalid")).hasCount(1);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        assertThat(mentors.findByEmail(email)).isEmpty();

        // Spaces only pass the browser: the server refuses and says why, in French, keeping what was typed.
        exactLabel(page, "Nom").fill("   ");
        button(page, "M'inscrire comme mentor").click();
        Locator errors = page.getByRole(AriaRole.ALERT);
        PlaywrightAssertions.assertThat(errors).containsText("Votre inscription n'est pas enregistrée");
        PlaywrightAssertions.assertThat(errors).containsText("Indiquez le nom.");
        PlaywrightAssertions.assertThat(errors).containsText("Département inconnu : « 999 »");
        PlaywrightAssertions.assertThat(exactLabel(page, "Prénom")).hasValue("Léa");
        PlaywrightAssertions.assertThat(exactLabel(page, "Entreprise")).hasValue("EDF Guadeloupe");
        PlaywrightAssertions.assertThat(exactLabel(page, "Adresse e-mail professionnelle")).hasValue(email);
        PlaywrightAssertions.assertThat(exactLabel(page, "Secteur")).hasValue("numerique");
        PlaywrightAssertions.assertThat(exactLabel(page, "CV et lettre")).isChecked();
        PlaywrightAssertions.assertThat(exactLabel(page, "Alternance")).isChecked();
        PlaywrightAssertions.assertThat(page.getByLabel("Nombre de jeunes que vous pouvez suivre en même temps")).hasValue("2");
        PlaywrightAssertions.assertThat(page.locator("form[aria-describedby=erreurs]")).hasCount(1);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        BrowserSession.screenshot(page, "mentor-1-signup-errors-mobile");
        assertThat(mentors.findByEmail(email)).isEmpty();

        exactLabel(page, "Nom").fill("Bernard");
        page.getByLabel("Départements où vous pouvez rencontrer un jeune").fill("971, 972");
        // Consent is asked again on every sending.
        page.getByLabel("J'accepte que Passerelle garde ces informations").check();
        button(page, "M'inscrire comme mentor").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Vérifiez votre boîte de réception");
        Mentor signedUp = mentors.findByEmail(email).orElseThrow();
        assertThat(signedUp.getStatus()).isEqualTo(Mentor.Status.EMAIL_TO_CONFIRM);
        assertThat(signedUp.getTerritories()).containsExactly("971", "972");

        // Opening the emailed link does not confirm by itself (mail scanners open links): the button does.
        page.navigate(url(linkPath(lastTo(email), "/mentors/confirmation")));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Confirmer votre adresse");
        assertThat(mentors.findByEmail(email).orElseThrow().getStatus()).isEqualTo(Mentor.Status.EMAIL_TO_CONFIRM);
        button(page, "Je confirme mon inscription comme mentor").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Adresse confirmée");
        BrowserSession.screenshot(page, "mentor-2-address-confirmed-mobile");
        assertThat(mentors.findByEmail(email).orElseThrow().getStatus()).isEqualTo(Mentor.Status.TO_VALIDATE);
        page.context().close();
    }

    @Test
    void aMentorAcceptsTheProposalWithAFirstMeetingAndTheLinkThenSaysItIsAnswered() throws Exception {
        Proposed proposed = proposed("accept");
        Page page = browser.newPage();
        page.navigate(url(proposed.path()));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Accompagner Inès ?");
        PlaywrightAssertions.assertThat(page.locator("body")).containsText("Alternance de technicienne réseau");

        page.getByLabel("Premier rendez-vous que vous proposez").fill("Mardi 18 h, en visio");
        BrowserSession.screenshot(page, "mentor-3-proposal");
        button(page, "J'accepte d'accompagner ce jeune").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Merci, votre réponse est enregistrée");
        PlaywrightAssertions.assertThat(page.locator("body")).containsText("Le jeune va recevoir vos coordonnées de mentor");

        MentorMatch match = matches.findByJourneyId(proposed.journey().getId()).get(0);
        assertThat(match.getMentorId()).isEqualTo(proposed.mentor().getId());
        assertThat(match.getStatus()).isEqualTo(MentorMatch.Status.ACCEPTED);
        assertThat(match.getFirstMeeting()).isEqualTo("Mardi 18 h, en visio");

        page.navigate(url(proposed.path()));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Réponse déjà enregistrée");
        assertThat(matches.findById(match.getId()).orElseThrow().getStatus()).isEqualTo(MentorMatch.Status.ACCEPTED);
        page.context().close();
    }

    @Test
    void aMentorDeclinesWithAReasonAfterForgettingIt() throws Exception {
        Proposed proposed = proposed("decline");
        Page page = browser.newPage();
        page.navigate(url(proposed.path()));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Accompagner Inès ?");

        button(page, "Je décline").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Réponse incomplète");
        PlaywrightAssertions.assertThat(page.locator("body")).containsText("Indiquez la raison pour laquelle vous déclinez.");
        assertThat(matches.findByJourneyId(proposed.journey().getId()).get(0).getStatus()).isEqualTo(MentorMatch.Status.PROPOSED);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Revenir à la proposition")).click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Accompagner Inès ?");
        exactLabel(page, "Raison").selectOption(new SelectOption().setLabel("Pas disponible en ce moment"));
        button(page, "Je décline").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Merci, votre réponse est enregistrée");
        PlaywrightAssertions.assertThat(page.locator("body")).containsText("Nous proposerons un autre mentor à ce jeune.");

        MentorMatch match = matches.findByJourneyId(proposed.journey().getId()).get(0);
        assertThat(match.getStatus()).isEqualTo(MentorMatch.Status.REFUSED);
        assertThat(match.getDeclineReason()).isEqualTo("indisponible");
        assertThat(match.getFirstMeeting()).isNull();
        page.context().close();
    }

    @Test
    void aMentorEndsTheMentorshipFromTheCheckInAndMustSayHow() throws Exception {
        Proposed proposed = proposed("checkin");
        Page page = browser.newPage();
        page.navigate(url(proposed.path()));
        button(page, "J'accepte d'accompagner ce jeune").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Merci, votre réponse est enregistrée");

        ProcessInstance mentorship = runtimeService.createProcessInstanceQuery().superProcessInstanceId(proposed.search().getId())
                .singleResult();
        runJob(mentorship.getId(), "taskIntroduceMentorship");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(mentorship.getId()).timers()
                .activityId("timerFirstCheckIn").singleResult().getId());
        runJob(mentorship.getId(), "taskAskCheckIn");
        MimeMessage checkInEmail = lastTo(proposed.mentor().getEmail());
        assertThat(checkInEmail.getSubject()).isEqualTo("Où en est votre mentorat ?");

        page.navigate(url(linkPath(checkInEmail, "/mentors/point")));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Où en est votre mentorat avec Inès ?");
        BrowserSession.screenshot(page, "mentor-4-check-in");

        page.getByLabel("Le mentorat est terminé").check();
        page.getByLabel("Un mot pour l'équipe de médiation").fill("Contrat signé chez un opérateur, bravo à elle");
        button(page, "Envoyer").click();
        Locator error = page.getByRole(AriaRole.ALERT);
        PlaywrightAssertions.assertThat(error).containsText("Le mentorat est terminé : choisissez son issue");
        PlaywrightAssertions.assertThat(page.getByLabel("Un mot pour l'équipe de médiation"))
                .hasValue("Contrat signé chez un opérateur, bravo à elle");
        PlaywrightAssertions.assertThat(page.getByLabel("Le mentorat est terminé")).isChecked();
        BrowserSession.screenshot(page, "mentor-5-check-in-error");
        assertThat(mentorships.findFirstByJourneyIdAndStatus(proposed.journey().getId(), Mentorship.Status.ACTIVE)).isPresent();

        page.getByLabel("S'il est terminé : son issue").selectOption(new SelectOption().setLabel("Alternance trouvée"));
        button(page, "Envoyer").click();
        PlaywrightAssertions.assertThat(h1(page)).hasText("Merci !");
        PlaywrightAssertions.assertThat(page.locator("body")).containsText("Le mentorat est clos.");

        runJob(mentorship.getId(), "taskCloseEnded");
        Mentorship ended = mentorships.findByJourneyId(proposed.journey().getId()).get(0);
        assertThat(ended.getStatus()).isEqualTo(Mentorship.Status.ENDED);
        assertThat(ended.getOutcome()).isEqualTo("alternance");
        assertThat(ended.getEndedBy()).isEqualTo(Mentorship.EndedBy.MENTOR);

        page.navigate(url(linkPath(checkInEmail, "/mentors/point")));
        PlaywrightAssertions.assertThat(h1(page)).hasText("Réponse déjà enregistrée");
        page.context().close();
    }
}
