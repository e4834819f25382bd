package org.passerelle.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.send;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.referral.ReferralLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The skills self-test over real HTTP: the mediator plans "Passer un test de compétences", the youth gets the link,
 * takes the test without an account, reads the results; the mediator finds them on the action's task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SelfTestLinkTest {

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ConversationMessageRepository messages;
    @Autowired JourneyRepository journeys;
    @Autowired YouthRepository youths;
    @Autowired SelfTests selfTests;
    @Autowired SelfTestQuestions questions;
    @Autowired ReferralLinks links;

    private void runJobs(String processInstanceId, String activityId) {
        managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    /** A youth whose mediator planned the self-test: the token of the link the youth received. */
    private String testSentTo(String externalId, JourneyGateway.Started[] started) {
        var journey = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Maya", null, "Bonjour"));
        started[0] = journey;
        String pid = journey.processInstanceId();
        taskService.complete(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId(),
                Map.of(Vars.ANSWER_TEXT, "Bonjour Maya, je suis Amina."));
        runJobs(pid, "taskSendFirstAnswer");
        var diagnostic = org.camunda.bpm.engine.variable.Variables.createVariables()
                .putValue(Vars.BIRTH_DATE, "2005-04-04").putValue(Vars.DEPARTEMENT, "974").putValue(Vars.DIPLOMA_LEVEL, "capBep")
                .putValue(Vars.SITUATION, "inactif").putValue(Vars.BARRIERS, org.camunda.spin.Spin.JSON(java.util.List.of()))
                .putValue(Vars.HAS_PROJECT, false).putValue(Vars.AVAILABILITY, "le matin").putValue(Vars.CONSENT_CONTACT, true)
                .putValue(Vars.CONSENT_REFERRAL, true).putValue(Vars.GUARDIAN_CONSENT, false);
        taskService.complete(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult().getId(), diagnostic);
        runJobs(pid, "taskRecordDiagnostic");
        taskService.complete(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(Tasks.PLAN_ACTIONS).singleResult().getId(),
                Map.of(Vars.PLANNED_ACTIONS, org.camunda.spin.Spin.JSON(java.util.List.of("testCompetences"))));
        runJobs(pid, "taskRecordActionPlan");
        String sent = messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journey.journeyId()).stream()
                .filter(m -> m.getDirection() == ConversationMessage.Direction.OUT).map(ConversationMessage::getBody)
                .filter(b -> b.contains("/jeunes/test")).findFirst().orElseThrow();
        assertThat(sent).startsWith("Bonjour Maya ! Voici un petit test");
        Matcher link = Pattern.compile("/jeunes/test\\?t=(\\S+)").matcher(sent);
        assertThat(link.find()).isTrue();
        return java.net.URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> open(String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jeunes/test?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).GET());
    }

    private HttpResponse<String> answer(String token, Map<String, String> answers) {
        String form = "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + answers.entrySet().stream()
                .map(e -> "&" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/jeunes/test"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void aYouthTakesTheTestAndTheMediatorFindsTheResultsOnTheAction() {
        JourneyGateway.Started[] started = new JourneyGateway.Started[1];
        String token = testSentTo("selftest-1", started);

        HttpResponse<String> page = open(token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\">", "Ton test : goûts et points forts", "<legend>1. J&#39;aime fabriquer",
                "<label for=\"r1-0\"><input type=\"radio\" id=\"r1-0\" name=\"r1\" value=\"0\"> Pas du tout</label>").doesNotContain("<script");

        Map<String, String> answers = new java.util.HashMap<>();
        questions.all().forEach(q -> answers.put(q.code(), q.dimension().equals("S") || q.dimension().equals("A") ? "3" : "1"));
        answers.put("p2", "3");
        answers.put("k1", "3");
        Map<String, String> partial = new java.util.HashMap<>(answers);
        partial.remove("e2");
        partial.put("c1", "9");
        HttpResponse<String> incomplete = answer(token, partial);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("Il manque 2 réponses", "(réponse manquante)", "id=\"s1-3\" name=\"s1\" value=\"3\" checked");

        HttpResponse<String> done = answer(token, answers);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Merci, voici tes résultats", "Social : aider", "Créatif : imaginer", "travail en équipe",
                "déplacements difficiles");
        assertThat(youths.findById(journeys.findById(started[0].journeyId()).orElseThrow().getYouth().getId()).orElseThrow().getInterests())
                .isIn("A,S", "S,A");
        var action = taskService.createTaskQuery().processInstanceId(started[0].processInstanceId()).taskDefinitionKey(Tasks.RUN_ACTION).singleResult();
        assertThat(taskService.getTaskComments(action.getId())).extracting(c -> c.getFullMessage())
                .anyMatch(note -> note.startsWith("Test de compétences fait par le jeune") && note.contains("Social"));

        assertThat(open(token).body()).contains("Tu as déjà fait ce test", "Social");
        assertThat(answer(token, answers).body()).contains("Tu as déjà fait ce test");
    }

    @Test
    void aTamperedOrExpiredLinkOpensNothing() {
        JourneyGateway.Started[] started = new JourneyGateway.Started[1];
        String token = testSentTo("selftest-2", started);
        SelfTest test = selfTests.of(token).orElseThrow();

        assertThat(open(token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0")).statusCode()).isEqualTo(400);
        assertThat(open("").statusCode()).isEqualTo(400);
        assertThat(open(links.token("mentor-proposal", test.getId(), test.getLinkNonce(), java.time.Duration.ofDays(1))).statusCode())
                .as("another page's link").isEqualTo(400);
        HttpResponse<String> expired = open(links.token(SelfTests.PURPOSE, test.getId(), test.getLinkNonce(), java.time.Duration.ofMinutes(-1)));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Demande un nouveau lien à ton médiateur");
    }
}
