package org.passerelle.security;

import org.passerelle.security.seeding.IdentitySeeder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.get;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What each role may do through Camunda's REST API, Tasklist and Cockpit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestAndRolesTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired RepositoryService repository;
    @Autowired ProcessEngine engine;
    @Autowired IdentitySeeder seeder;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "restLead", Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, "restMediator", Roles.MEDIATORS);
        TestUsers.ensure(identity, "restSupervisor", Roles.SUPERVISORS);
    }

    private HttpResponse<String> deployFromModeler(String user, String processId) {
        return ModelerDeploy.deploy(port, user, Map.of("essai.bpmn", ModelerDeploy.minimalProcess(processId)));
    }

    @Test
    void engineRestRefusesAnonymousCalls() {
        var response = send(get(port, "/engine-rest/deployment"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(send(get(port, "/engine-rest/task")).statusCode()).isEqualTo(401);
    }

    @Test
    void aProgrammeLeadDeploysFromModelerAndTheSameFilesTwiceCreateNothingNew() throws Exception {
        var first = deployFromModeler("restLead", "essaiModeler");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("essaiModeler").count();

        var second = deployFromModeler("restLead", "essaiModeler");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("id").asText()).isEqualTo(json.readTree(first.body()).get("id").asText());
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("essaiModeler").count()).isEqualTo(versions).isOne();
    }

    @Autowired org.passerelle.journey.JourneyGateway gateway;

    @Test
    void supervisorsFollowJourneysWithoutReadingNamesOrMessages() throws Exception {
        gateway.startFromFirstContact(new org.passerelle.journey.JourneyGateway.FirstContact("whatsapp", "roles-vars-1",
                "Maïlys", "tiktok", "Bonjour, j'ai besoin d'aide"));
        String query = "?variableName=youthFirstName";

        var supervisorRuntime = send(get(port, "/engine-rest/variable-instance" + query)
                .header("Authorization", basic("restSupervisor", TestUsers.password("restSupervisor"))));
        var supervisorHistory = send(get(port, "/engine-rest/history/variable-instance" + query)
                .header("Authorization", basic("restSupervisor", TestUsers.password("restSupervisor"))));
        var supervisorInstances = send(get(port, "/engine-rest/process-instance?processDefinitionKey=youthJourney")
                .header("Authorization", basic("restSupervisor", TestUsers.password("restSupervisor"))));
        var mediatorRuntime = send(get(port, "/engine-rest/variable-instance" + query)
                .header("Authorization", basic("restMediator", TestUsers.password("restMediator"))));

        assertThat(supervisorRuntime.statusCode()).isEqualTo(200);
        assertThat(supervisorRuntime.body()).isEqualTo("[]");
        assertThat(supervisorHistory.body()).isEqualTo("[]");
        assertThat(json.readTree(supervisorInstances.body()).size()).as("journeys stay visible").isPositive();
        assertThat(mediatorRuntime.body()).as("mediators read what their tasks show").contains("Maïlys");
    }

    @Test
    void aMediatorLeavesANoteOnAYouthsTaskAndReadsItsHistory() throws Exception {
        var started = gateway.startFromFirstContact(new org.passerelle.journey.JourneyGateway.FirstContact("whatsapp", "roles-note-1",
                "Anaïs", "tiktok", "Bonjour"));
        String task = engine.getTaskService().createTaskQuery().processInstanceId(started.processInstanceId()).singleResult().getId();

        var note = send(org.passerelle.testsupport.Http.postJson(port, "/engine-rest/task/" + task + "/comment/create",
                "{\"message\":\"Rappeler après 17 h, elle travaille le matin\"}")
                .header("Authorization", basic("restMediator", TestUsers.password("restMediator"))));
        var notes = send(get(port, "/engine-rest/task/" + task + "/comment")
                .header("Authorization", basic("restMediator", TestUsers.password("restMediator"))));
        var history = send(get(port, "/engine-rest/history/user-operation?taskId=" + task)
                .header("Authorization", basic("restMediator", TestUsers.password("restMediator"))));

        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        assertThat(notes.body()).contains("Rappeler après 17 h");
        assertThat(history.statusCode()).isEqualTo(200);
    }

    @Test
    void mediatorsAndSupervisorsCannotDeploy() {
        var mediator = deployFromModeler("restMediator", "essaiMediateur");
        var supervisor = deployFromModeler("restSupervisor", "essaiSuperviseur");

        assertThat(mediator.statusCode()).isEqualTo(403);
        assertThat(mediator.body()).contains("AuthorizationException");
        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("essaiMediateur", "essaiSuperviseur").count()).isZero();
    }

    @Test
    void eachRoleReachesItsOwnApplications() {
        assertThat(authorizations.isUserAuthorized("restMediator", java.util.List.of(Roles.MEDIATORS), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("restMediator", java.util.List.of(Roles.MEDIATORS), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("restSupervisor", java.util.List.of(Roles.SUPERVISORS), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("restSupervisor", java.util.List.of(Roles.SUPERVISORS), Permissions.CREATE,
                Resources.DEPLOYMENT, "*")).isFalse();
        assertThat(authorizations.isUserAuthorized("restLead", java.util.List.of(Roles.PROGRAMME_LEADS), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isTrue();
        // Tasklist shows the youth's first name and the called process's name in the mediators' task lists.
        for (String process : java.util.List.of("youthJourney", "mentorMatching", "partnerReferral")) {
            assertThat(authorizations.isUserAuthorized("restMediator", java.util.List.of(Roles.MEDIATORS),
                    org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, process))
                    .as(process).isTrue();
        }
    }

    @Test
    void mediatorsSeeTheirFrenchTasklistFilters() {
        try {
            identity.setAuthentication("restMediator", java.util.List.of(Roles.MEDIATORS));
            assertThat(filters.createFilterQuery().list()).extracting(f -> f.getName())
                    .contains(IdentitySeeder.FILTER_MY_TASKS, IdentitySeeder.FILTER_TO_DO, IdentitySeeder.FILTER_OVERDUE);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theRolesAreGroupsWithFrenchNames() {
        assertThat(identity.createGroupQuery().groupIdIn(Roles.MEDIATORS, Roles.PROGRAMME_LEADS, Roles.SUPERVISORS, Roles.ADMINS)
                .orderByGroupId().asc().list())
                .extracting(g -> g.getId() + "|" + g.getName() + "|" + g.getType())
                .containsExactly("camunda-admin|Administrateurs|SYSTEM", "mediateurs|Médiateurs|WORKFLOW",
                        "responsables-programme|Responsables de programme|WORKFLOW", "superviseurs|Superviseurs|WORKFLOW");
        // The administrator Camunda creates from camunda.bpm.admin-user is in that group, which keeps its rights.
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Roles.ADMINS).count()).isOne();
        assertThat(authorizations.isUserAuthorized("admin", java.util.List.of(Roles.ADMINS), Permissions.ALL,
                Resources.DEPLOYMENT, "*")).isTrue();
    }

    @Test
    void seedingAgainAddsNothingAndRestoresTheGroupNames() {
        long authorizationCount = authorizations.createAuthorizationQuery().count();
        long filterCount = filters.createFilterQuery().count();
        long groupCount = identity.createGroupQuery().count();
        // As when Camunda's admin-user creation runs first on a new database.
        var admins = identity.createGroupQuery().groupId(Roles.ADMINS).singleResult();
        admins.setName("camunda BPM Administrators");
        identity.saveGroup(admins);

        seeder.postProcessEngineBuild(engine);

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationCount);
        assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
        assertThat(identity.createGroupQuery().count()).isEqualTo(groupCount);
        assertThat(identity.createGroupQuery().groupId(Roles.ADMINS).singleResult().getName()).isEqualTo("Administrateurs");
    }
}
