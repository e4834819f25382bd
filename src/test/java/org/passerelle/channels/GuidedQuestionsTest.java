package org.passerelle.channels;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.qualification.YouthQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The guided first questions over real webhooks and the Graph API (WireMock): buttons on WhatsApp, free answers
 * understood, a summary and a pre-filled diagnostic for the mediator; "parler à quelqu'un" and STOP end them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.process-engine-name=guidedQuestions", "passerelle.qualification.enabled=true"})
@ActiveProfiles("test")
class GuidedQuestionsTest {

    private static final String WHATSAPP_SEND = "/v23.0/1122334455/messages";
    private static final WireMockServer graph = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        graph.start();
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry properties) {
        properties.add("passerelle.channels.meta.graph-base-url", graph::baseUrl);
        properties.add("passerelle.channels.meta.whatsapp-phone-number-id", () -> "1122334455");
        properties.add("passerelle.channels.meta.whatsapp-token", () -> "test-whatsapp-token");
    }

    @LocalServerPort int port;
    @Autowired ManagementService managementService;
    @Autowired
    private org.passerelle.channels.inbox.IntakeTrigger intakeTrigger;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;

    private int messageCount;

    @BeforeEach
    void stub() {
        graph.resetAll();
        graph.stubFor(post(urlEqualTo(WHATSAPP_SEND)).willReturn(okJson("{\"messages\":[{\"id\":\"wamid.out\"}]}")));
    }

    @AfterAll
    static void stopStub() {
        graph.stop();
    }

    /** The youth writes (or taps a button); every step it sets off runs. */
    private Journey youth(String waId, String text) {
        MetaWebhooks.signed(port, "/webhooks/whatsapp", MetaWebhooks.whatsAppText("wamid.in-" + waId + "-" + messageCount++, waId, "Noa", text));
        return settle(waId);
    }

    private Journey taps(String waId, String title) {
        MetaWebhooks.signed(port, "/webhooks/whatsapp", MetaWebhooks.whatsAppMessage("wamid.in-" + waId + "-" + messageCount++,
                "\"from\":\"" + waId + "\",", MetaWebhooks.contact(waId, "Noa"),
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"reponse-1\",\"title\":\""
                        + title + "\"}}"));
        return settle(waId);
    }

    private Journey settle(String waId) {
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        Youth youth = youths.findByChannelAndExternalId("whatsapp", waId).orElseThrow();
        Journey journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(journey.getId().toString()).list()
                    .stream().flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).executable().messages()
                            .list().stream()).toList();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        return journey;
    }

    private void lastSentWas(String text) {
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body", equalTo(text))));
    }

    private boolean questionsRunning(Journey journey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(YouthQualification.PROCESS_ID)
                .processInstanceBusinessKey(journey.getId().toString()).count() > 0;
    }

    @Test
    void aYouthAnswersTheQuestionsInTheirOwnWordsAndTheMediatorFindsThemReady() {
        Journey journey = youth("33611110001", "Bonjour, je cherche du travail");
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND))
                .withRequestBody(matchingJsonPath("$.type", equalTo("interactive")))
                .withRequestBody(matchingJsonPath("$.interactive.body.text", equalTo("Pour t'orienter plus vite, je peux te poser 6 petites "
                        + "questions (2 minutes). On y va ?\n1. Oui\n2. Plus tard\n3. Parler à quelqu'un")))
                .withRequestBody(matchingJsonPath("$.interactive.action.buttons[0].reply.title", equalTo("Oui"))));

        taps("33611110001", "Oui");
        lastSentWas("Quel âge as-tu ?");
        youth("33611110001", "j'ai 17 ans");
        youth("33611110001", "En Guadeloupe");
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.interactive.type", equalTo("list")))
                .withRequestBody(matchingJsonPath("$.interactive.action.sections[0].rows[3].title", equalTo("Rien en ce moment"))));
        youth("33611110001", "2");
        youth("33611110001", "un bac pro commerce");
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.interactive.body.text",
                equalTo("Qu'est-ce que tu cherches ?\n1. Un emploi\n2. Une formation\n3. Je ne sais pas"))));
        youth("33611110001", "bof");
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.interactive.body.text",
                equalTo("Je n'ai pas bien compris. Qu'est-ce que tu cherches ?\n1. Un emploi\n2. Une formation\n3. Je ne sais pas"))));
        taps("33611110001", "Un emploi");
        youth("33611110001", "plutôt les après-midi");

        assertThat(questionsRunning(journey)).isFalse();
        Youth youth = youths.findById(journey.getYouth().getId()).orElseThrow();
        assertThat(youth.getDeclaredAge()).isEqualTo(17);
        assertThat(youth.getDepartement()).isEqualTo("971");
        assertThat(youth.getSituation()).isEqualTo("chomeur");
        assertThat(youth.getDiplomaLevel()).isEqualTo("bac");
        assertThat(youth.getWish()).isEqualTo("emploi");
        assertThat(youth.getAvailability()).isEqualTo("plutôt les après-midi");
        assertThat(youth.getQualifiedAt()).isNotNull();
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body",
                com.github.tomakehurst.wiremock.client.WireMock.containing("Tes réponses sont transmises à ton médiateur"))));

        var firstAnswer = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        assertThat(taskService.getTaskComments(firstAnswer.getId())).extracting(c -> c.getFullMessage()).anyMatch(note -> note.contains(
                "17 ans · département 971 (Guadeloupe) · situation : chomeur · diplôme : bac · cherche : emploi · disponibilités : « plutôt les après-midi »")
                && note.contains("Profil probable d'après ses seules réponses : ") && note.contains("à confirmer au diagnostic"));
        taskService.complete(firstAnswer.getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Noa, je suis Amina."));
        settle("33611110001");
        var diagnostic = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult();
        assertThat(taskService.getVariables(diagnostic.getId())).containsEntry(Vars.SITUATION, "chomeur")
                .containsEntry(Vars.DIPLOMA_LEVEL, "bac").containsEntry(Vars.DEPARTEMENT, "971")
                .containsEntry(Vars.AVAILABILITY, "plutôt les après-midi");
    }

    @Test
    void askingForAPersonHandsOverAtOnceAndStopsTheQuestions() {
        Journey journey = youth("33611110002", "Salut");
        taps("33611110002", "Oui");
        youth("33611110002", "je préfère parler à quelqu'un");

        assertThat(questionsRunning(journey)).isFalse();
        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body",
                com.github.tomakehurst.wiremock.client.WireMock.containing("un médiateur (une vraie personne) te répond"))));
        var firstAnswer = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        assertThat(taskService.getTaskComments(firstAnswer.getId())).extracting(c -> c.getFullMessage())
                .anyMatch(note -> note.startsWith("Premières questions interrompues (le jeune a demandé à parler à quelqu'un)"));
    }

    @Autowired org.passerelle.privacy.Erasure erasure;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void erasingTheYouthEndsTheQuestionsAndTheirHistory() {
        Journey journey = youth("33611110004", "Bonjour");
        taps("33611110004", "Oui");
        assertThat(questionsRunning(journey)).isTrue();

        erasure.eraseYouthOf(journey.getId());

        assertThat(questionsRunning(journey)).isFalse();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(YouthQualification.PROCESS_ID)
                .processInstanceBusinessKey(journey.getId().toString()).count()).isZero();
    }

    @Test
    void aStopEndsTheQuestionsWithoutAnotherMessage() {
        Journey journey = youth("33611110003", "Bonjour");
        taps("33611110003", "Oui");
        int sentBefore = graph.findAll(postRequestedFor(urlEqualTo(WHATSAPP_SEND))).size();

        youth("33611110003", "STOP");

        assertThat(questionsRunning(journey)).isFalse();
        assertThat(graph.findAll(postRequestedFor(urlEqualTo(WHATSAPP_SEND)))).hasSize(sentBefore);
    }

    @Test
    void aFrequentQuestionInTheMiddleIsAnsweredThenTheSameQuestionComesBack() {
        Journey journey = youth("33611110005", "Bonjour");
        taps("33611110005", "Oui");
        lastSentWas("Quel âge as-tu ?");

        youth("33611110005", "c'est gratuit ?");

        graph.verify(postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body",
                com.github.tomakehurst.wiremock.client.WireMock.containing("gratuit"))));
        graph.verify(2, postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body", equalTo("Quel âge as-tu ?"))));
        graph.verify(0, postRequestedFor(urlEqualTo(WHATSAPP_SEND)).withRequestBody(matchingJsonPath("$.text.body",
                equalTo("Je n'ai pas bien compris. Quel âge as-tu ?"))));
        youth("33611110005", "19");
        assertThat(youths.findById(journey.getYouth().getId()).orElseThrow().getDeclaredAge()).isEqualTo(19);
        assertThat(questionsRunning(journey)).isTrue();
    }
}
