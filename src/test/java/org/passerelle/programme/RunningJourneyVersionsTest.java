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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A lead deploys a new version; the journeys already running stay on theirs until the lead moves them on
 * "Versions en cours": all move when the new version keeps the steps they wait at, none when it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RunningJourneyVersionsTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String lead;

    @BeforeEach
    void users() {
        lead = TestUsers.ensure(identity, "versionsLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "versionsMediator", Roles.MEDIATORS);
    }

    @AfterEach
    void removeTheLeadsDeployments() {
        repository.createDeploymentQuery().deploymentName("essai-modeler").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static String workshop(String taskId, String taskName) {
        return ModelerDeploy.process("atelierVersions", """
                <bpmn:startEvent id="start"><bpmn:outgoing>toTask</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="%1$s" />
                <bpmn:userTask id="%1$s" name="%2$s" camunda:candidateGroups="mediateurs">
                  <bpmn:incoming>toTask</bpmn:incoming><bpmn:outgoing>toEnd</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="toEnd" sourceRef="%1$s" targetRef="end" />
                <bpmn:endEvent id="end"><bpmn:incoming>toEnd</bpmn:incoming></bpmn:endEvent>
                """.formatted(taskId, taskName));
    }

    private void deploy(String bpmn) {
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("atelier-versions.bpmn", bpmn));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    private int versionOf(String instanceId) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private HttpResponse<String> get(String user) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/programme/versions"))
                .header("Authorization", basic(user, TestUsers.password(user))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> move(String definitionId) throws Exception {
        // The session's token, from a page that always has a form.
        String form = "_csrf=" + csrf(page("/programme/textes/relance1").body()) + (definitionId == null ? ""
                : "&version=" + URLEncoder.encode(definitionId, StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/programme/versions"))
                .header("Authorization", basic(lead, TestUsers.password(lead)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(lead, TestUsers.password(lead))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void runningJourneysMoveToACompatibleVersionInOneStepAndStayWhenItIsNot() throws Exception {
        deploy(workshop("taskWorkshop", "Animer l'atelier"));
        String first = runtime.startProcessInstanceByKey("atelierVersions").getId();
        String second = runtime.startProcessInstanceByKey("atelierVersions").getId();
        int v1 = versionOf(first);
        deploy(workshop("taskWorkshop", "Animer l'atelier numérique"));
        assertThat(versionOf(first)).as("a deploy moves nobody by itself").isEqualTo(v1);

        var page = get(lead);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Passer ces 2 parcours à la version " + (v1 + 1));
        String v1Id = runtime.createProcessInstanceQuery().processInstanceId(first).singleResult().getProcessDefinitionId();
        var moved = move(v1Id);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("2 parcours continuent désormais sur la dernière version");
        assertThat(versionOf(first)).isEqualTo(v1 + 1);
        assertThat(versionOf(second)).isEqualTo(v1 + 1);

        deploy(workshop("taskDigitalWorkshop", "Animer l'atelier numérique"));
        String v2Id = runtime.createProcessInstanceQuery().processInstanceId(first).singleResult().getProcessDefinitionId();
        var refused = move(v2Id);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Aucun parcours n'a changé de version", "« taskWorkshop »",
                "sous le même identifiant dans la version " + (v1 + 2));
        assertThat(versionOf(first)).isEqualTo(v1 + 1);
        assertThat(versionOf(second)).isEqualTo(v1 + 1);
    }

    @Test
    void onlyLeadsSeeThePageAndABadRequestIsSaidInFrench() throws Exception {
        assertThat(get("versionsMediator").statusCode()).isEqualTo(403);
        assertThat(move(null).statusCode()).isEqualTo(400);
        String intake = repository.createProcessDefinitionQuery().processDefinitionKey("webhookIntake").latestVersion()
                .singleResult().getId();
        assertThat(move(intake).statusCode()).as("Passerelle's own processes are not the lead's to move").isEqualTo(409);
        assertThat(get(lead).body()).doesNotContain("webhookIntake", "Appliquer les messages reçus");
        var unknown = move("inconnue:1:abc");
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(unknown.body()).contains("cette version n&#39;existe pas");
    }
}
