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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A youth with a project gets a mentor over real SMTP and HTTP: ranked proposals with reasons, the mentor's answer
 * through the link (accept, decline, leave), the introduction on both sides, check-ins and the end that frees the
 * mentor's place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorshipJourneyTest {

    @RegisterExtension
    static GreenMailExtension smtp = org.passerelle.testsupport.TestSmtp.server().withPerMethodLifecycle(true);

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired MentorRepository mentors;
    @Autowired MentorMatchRepository matches;
    @Autowired MentorshipRepository mentorships;
    @Autowired ConversationMessageRepository messages;
    @Autowired JourneyGateway gateway;
    @Autowired MentorLeaving leaving;
    @Autowired MentorRanking ranking;
    @Autowired org.passerelle.referral.ReferralLinks referralLinks;

    private Mentor mentor(String name, String sector, String departement, boolean remote, int capacity, String tag) {
        var profile = new Mentor.Profile(name, "Test", "Entreprise " + tag, "Technicien", sector, name.toLowerCase() + "." + tag + "@mentors.example.org",
                departement == null ? List.of() : List.of(departement), remote, List.of("cv"), List.of("alternance"), "français", capacity, null);
        return mentors.save(Mentor.of(profile, Mentor.Status.ACTIVE, Instant.now()));
    }

    private Journey youth(String tag) {
        Youth youth = new Youth("whatsapp", "3361234" + Math.abs(tag.hashCode() % 10000), "Inès", null, Instant.now());
        youth.setDepartement("971");
        youth.setHasProject(true);
        youth.setProject("Alternance de technicienne réseau");
        youth.setProjectSector("numerique");
        youths.save(youth);
        return journeys.save(new Journey(youth, Instant.now()));
    }

    private ProcessInstance search(Journey journey) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MentorMatching.PROCESS_ID, journey.getId().toString(),
                Map.of("journeyId", journey.getId(), "youthFirstName", "Inès"));
        runJob(instance.getId(), "taskRankMentors");
        return instance;
    }

    private void runJob(String processInstanceId, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult().getId());
    }

    private String propose(ProcessInstance instance, Mentor mentor, boolean consent) throws Exception {
        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(MentorMatching.Tasks.CHOOSE_MENTOR).singleResult();
        taskService.complete(task.getId(), Map.of(MentorMatching.Vars.MENTOR_ID, mentor.getId().toString(), MentorMatching.Vars.YOUTH_CONSENT, consent));
        runJob(instance.getId(), "taskSendMentorProposal");
        MimeMessage email = lastTo(mentor.getEmail());
        return link(email, "/mentors/proposition");
    }

    private MimeMessage lastTo(String address) throws Exception {
        MimeMessage[] sent = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
        assertThat(sent).as("email to " + address).isNotEmpty();
        return sent[sent.length - 1];
    }

    private static String link(MimeMessage email, String path) throws Exception {
        Matcher link = Pattern.compile("http://localhost" + path + "\\?t=(\\S+)").matcher(email.getContent().toString());
        assertThat(link.find()).as(email.getContent().toString()).isTrue();
        return java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET());
    }

    private HttpResponse<String> post(String path, String token, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&" + form)));
    }

    private ProcessInstance mentorshipOf(ProcessInstance search) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(search.getId()).singleResult();
    }

    private String checkInLink(ProcessInstance mentorship, Mentor mentor) throws Exception {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(mentorship.getId()).timers()
                .activityId("timerFirstCheckIn").singleResult().getId());
        runJob(mentorship.getId(), "taskAskCheckIn");
        MimeMessage email = lastTo(mentor.getEmail());
        assertThat(email.getSubject()).isEqualTo("Où en est votre mentorat ?");
        return link(email, "/mentors/point");
    }

    @Test
    void theMediatorSeesWhyEachMentorIsProposedOrNot() throws Exception {
        Mentor local = mentor("Julien", "numerique", "971", false, 2, "why");
        Mentor remote = mentor("Fatou", "numerique", "75", true, 1, "why");
        Mentor far = mentor("Marc", "numerique", "13", false, 1, "why");
        Mentor otherSector = mentor("Nadia", "sante", "971", false, 1, "why");
        ProcessInstance instance = search(youth("why"));

        var task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        String proposals = taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_PROPOSALS).toString();
        assertThat(proposals).contains("Projet du jeune : Numérique, alternance")
                .contains("Julien Test — Entreprise why, Technicien (90 points) : même secteur que le projet du jeune ; accompagne ce type de projet ; dans le département du jeune ; 2 places libres")
                .contains("Fatou Test — Entreprise why, Technicien (75 points) : même secteur que le projet du jeune ; accompagne ce type de projet ; à distance")
                .contains("Non proposés :");
        // Other test classes share the database: the left-out mentors are read from the ranking itself.
        var left = ranking.rank(Long.valueOf(instance.getBusinessKey()), false).exclusions();
        assertThat(left).filteredOn(e -> e.mentor().getId().equals(far.getId())).singleElement()
                .satisfies(e -> assertThat(e.reasons()).containsExactly("ni dans le département du jeune, ni à distance"));
        assertThat(left).filteredOn(e -> e.mentor().getId().equals(otherSector.getId())).singleElement()
                .satisfies(e -> assertThat(e.reasons()).containsExactly("autre secteur que le projet du jeune"));
        assertThat(proposals.indexOf("Julien Test — Entreprise why")).isLessThan(proposals.indexOf("Fatou Test — Entreprise why"));
        assertThat(taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_OPTIONS).toString())
                .contains(local.getId().toString(), remote.getId().toString()).doesNotContain("\"" + far.getId() + "\"")
                .doesNotContain("\"" + otherSector.getId() + "\"");
    }

    @Test
    void aMentorAcceptsThroughTheLinkAndTheMentorshipRunsUntilTheMentorEndsIt() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 1, "accept");
        Journey journey = youth("accept");
        ProcessInstance search = search(journey);
        String proposal = propose(search, julien, true);
        String body = lastTo(julien.getEmail()).getContent().toString();
        assertThat(body).contains("Bonjour Julien", "Inès (département 971)", "Alternance de technicienne réseau (alternance)")
                .doesNotContain("33612");

        HttpResponse<String> page = get("/mentors/proposition", proposal);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Accompagner Inès ?", "J'accepte d'accompagner ce jeune");
        // A full mentor is not proposed twice at once.
        assertThat(post("/mentors/proposition", proposal, "decision=peutetre").statusCode()).isEqualTo(400);
        HttpResponse<String> accepted = post("/mentors/proposition", proposal, "decision=accepte&rendezVous=Mardi+18+h%2C+en+visio");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(post("/mentors/proposition", proposal, "decision=accepte").statusCode()).isEqualTo(409);
        assertThat(get("/mentors/proposition", proposal).body()).contains("Réponse déjà enregistrée");

        ProcessInstance mentorship = mentorshipOf(search);
        runJob(mentorship.getId(), "taskIntroduceMentorship");
        MimeMessage introduction = lastTo(julien.getEmail());
        assertThat(introduction.getSubject()).isEqualTo("Votre mentorat commence");
        assertThat(introduction.getContent().toString()).contains("Vous pouvez le contacter", "(WhatsApp)", "Mardi 18 h, en visio");
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).extracting(ConversationMessage::getBody)
                .anyMatch(text -> text.contains("Julien Test, Technicien chez Entreprise accept, accepte d'être ton mentor")
                        && text.contains("Mardi 18 h, en visio"));
        Mentorship running = mentorships.findFirstByJourneyIdAndStatus(journey.getId(), Mentorship.Status.ACTIVE).orElseThrow();

        String checkIn = checkInLink(mentorship, julien);
        assertThat(get("/mentors/point", checkIn).body()).contains("Où en est votre mentorat avec Inès ?");
        HttpResponse<String> noOutcome = post("/mentors/point", checkIn, "reponse=termine&note=Bravo");
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("choisissez son issue", ">Bravo</textarea>", "value=\"termine\" checked");
        assertThat(post("/mentors/point", checkIn, "reponse=termine&issue=alternance&note=Contrat+sign%C3%A9").statusCode()).isEqualTo(200);
        assertThat(post("/mentors/point", checkIn, "reponse=bien").statusCode()).isEqualTo(409);

        runJob(mentorship.getId(), "taskCloseEnded");
        Mentorship ended = mentorships.findById(running.getId()).orElseThrow();
        assertThat(ended.getStatus()).isEqualTo(Mentorship.Status.ENDED);
        assertThat(ended.getOutcome()).isEqualTo("alternance");
        assertThat(ended.getEndedBy()).isEqualTo(Mentorship.EndedBy.MENTOR);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(search.getId()).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(search.getId())
                .variableName(MentorMatching.Vars.OUTCOME).singleResult().getValue()).isEqualTo(MentorMatching.Values.MATCHED);
    }

    @Test
    void withoutTheYouthsConsentTheMentorGetsNoContact() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 1, "consent");
        ProcessInstance search = search(youth("consent"));
        post("/mentors/proposition", propose(search, julien, false), "decision=accepte");

        runJob(mentorshipOf(search).getId(), "taskIntroduceMentorship");

        assertThat(lastTo(julien.getEmail()).getContent().toString()).contains("L'équipe de médiation organise votre premier contact")
                .doesNotContain("WhatsApp").doesNotContain("+33");
    }

    @Test
    void aDecliningMentorIsNotProposedAgainAndTheYouthCanEndTheMentorshipByReplying() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 1, "decline");
        Mentor fatou = mentor("Fatou", "numerique", null, true, 1, "decline");
        Journey journey = youth("decline");
        ProcessInstance search = search(journey);

        String first = propose(search, julien, true);
        HttpResponse<String> noReason = post("/mentors/proposition", first, "decision=refuse");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(post("/mentors/proposition", first, "decision=refuse&motif=indisponible").statusCode()).isEqualTo(200);
        runJob(search.getId(), "taskRankMentors");
        var task = taskService.createTaskQuery().processInstanceId(search.getId()).singleResult();
        assertThat(taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_OPTIONS).toString())
                .doesNotContain("\"" + julien.getId() + "\"").contains("\"" + fatou.getId() + "\"");
        assertThat(ranking.rank(journey.getId(), false).exclusions()).filteredOn(e -> e.mentor().getId().equals(julien.getId()))
                .singleElement().satisfies(e -> assertThat(e.reasons()).contains("a déjà décliné ou n'a pas répondu pour ce jeune"));

        post("/mentors/proposition", propose(search, fatou, true), "decision=accepte");
        ProcessInstance mentorship = mentorshipOf(search);
        runJob(mentorship.getId(), "taskIntroduceMentorship");
        checkInLink(mentorship, fatou);
        assertThat(messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId())).extracting(ConversationMessage::getBody)
                .anyMatch(text -> text.contains("Réponds 1 si ça se passe bien"));

        gateway.youthWrote(journey.getId(), "3");

        runJob(mentorship.getId(), "taskCloseEnded");
        Mentorship ended = mentorships.findByJourneyId(journey.getId()).get(0);
        assertThat(ended.getOutcome()).isEqualTo("abandon");
        assertThat(ended.getEndedBy()).isEqualTo(Mentorship.EndedBy.YOUTH);
    }

    @Test
    void aMentorWhoLeavesWithdrawsTheProposalAndEndsTheMentorshipsAndEachSearchGoesOn() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 2, "leave");
        ProcessInstance waiting = search(youth("leave-waiting"));
        String proposal = propose(waiting, julien, true);
        ProcessInstance running = search(youth("leave-running"));
        post("/mentors/proposition", propose(running, julien, true), "decision=accepte");
        ProcessInstance mentorship = mentorshipOf(running);
        runJob(mentorship.getId(), "taskIntroduceMentorship");

        leaving.erase(julien.getId());

        assertThat(matches.findByMentorIdAndStatus(julien.getId(), MentorMatch.Status.ACCEPTED)).allSatisfy(m ->
                assertThat(m.getFirstMeeting()).as("what the mentor typed goes with them").isNull());
        assertThat(get("/mentors/proposition", proposal).statusCode()).isEqualTo(410);
        runJob(waiting.getId(), "taskRankMentors");
        assertThat(taskService.createTaskQuery().processInstanceId(waiting.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(MentorMatching.Tasks.CHOOSE_MENTOR);
        runJob(mentorship.getId(), "taskCloseEnded");
        runJob(running.getId(), "taskRankMentors");
        assertThat(taskService.createTaskQuery().processInstanceId(running.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(MentorMatching.Tasks.CHOOSE_MENTOR);
        assertThat(mentorships.findByMentorIdAndStatus(julien.getId(), Mentorship.Status.ENDED)).singleElement()
                .satisfies(m -> assertThat(m.getOutcome()).isEqualTo("mentorParti"));
        assertThat(matches.findByMentorIdAndStatus(julien.getId(), MentorMatch.Status.WITHDRAWN)).hasSize(1);
    }

    @Test
    void aMentorWhoLeavesDisappearsFromTheListsAMediatorHasOpenAndCannotBeChosen() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 1, "gone");
        ProcessInstance search = search(youth("gone"));
        var task = taskService.createTaskQuery().processInstanceId(search.getId()).singleResult();
        assertThat(taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_OPTIONS).toString()).contains("Entreprise gone");

        leaving.erase(julien.getId());

        assertThat(taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_OPTIONS).toString()).doesNotContain("Entreprise gone")
                .doesNotContain("\"" + julien.getId() + "\"");
        assertThat(taskService.getVariable(task.getId(), MentorMatching.Vars.MENTOR_PROPOSALS).toString()).doesNotContain("Entreprise gone");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(),
                Map.of(MentorMatching.Vars.MENTOR_ID, julien.getId().toString())))
                .hasMessageContaining("Ce mentor n'est plus disponible");
        assertThat(taskService.createTaskQuery().processInstanceId(search.getId()).count()).as("the task stays").isOne();
    }

    @Test
    void aTamperedProposalLinkIsRefusedAndChangesNothing() throws Exception {
        Mentor julien = mentor("Julien", "numerique", "971", false, 1, "tamper");
        ProcessInstance search = search(youth("tamper"));
        String proposal = propose(search, julien, true);

        String tampered = proposal.substring(0, proposal.length() - 2) + (proposal.endsWith("00") ? "11" : "00");
        assertThat(get("/mentors/proposition", tampered).statusCode()).isEqualTo(400);
        assertThat(post("/mentors/proposition", tampered, "decision=accepte").statusCode()).isEqualTo(400);
        assertThat(get("/mentors/point", proposal).statusCode()).isEqualTo(400);
        MentorMatch sent = matches.findAll().stream().filter(m -> m.getMentorId().equals(julien.getId())).findFirst().orElseThrow();
        String expired = referralLinks.token("mentor-proposal", sent.getId(), sent.getLinkNonce(), java.time.Duration.ofMinutes(-1));
        assertThat(get("/mentors/proposition", expired).statusCode()).isEqualTo(410);
        assertThat(post("/mentors/proposition", expired, "decision=accepte").body()).contains("Lien expiré");
        assertThat(matches.findByJourneyId(journeys.findById(Long.valueOf(search.getBusinessKey())).orElseThrow().getId()))
                .singleElement().satisfies(m -> assertThat(m.getStatus()).isEqualTo(MentorMatch.Status.PROPOSED));
    }
}
