package org.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may call what: every role against Passerelle's API, pages and webhooks and the engine REST calls a
 * stranger or an over-curious colleague would try. Bodies are deliberately invalid where a call would change
 * something, so that "allowed" shows as 400/404 and nothing is modified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessMatrixTest {

    private static final Map<String, String> USERS = Map.of("mediator", "matrixMediator", "lead", "matrixLead",
            "supervisor", "matrixSupervisor");

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, USERS.get("mediator"), Roles.MEDIATORS);
        TestUsers.ensure(identity, USERS.get("lead"), Roles.PROGRAMME_LEADS);
        TestUsers.ensure(identity, USERS.get("supervisor"), Roles.SUPERVISORS);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> anonymous {3}, mediator {4}, lead {5}, supervisor {6}, admin {7}")
    @CsvSource({
            // Passerelle's API
            "POST,   /api/contacts,                          {},  401, 400, 400, 403, 400",
            "POST,   /api/partners/import,                   {},  401, 403, 400, 403, 400",
            "DELETE, /api/journeys/987654/personal-data,     '',  401, 403, 404, 403, 404",
            "GET,    /api/reporting/figures,                 '',  401, 403, 200, 200, 200",
            "GET,    /api/journeys/987654,                   '',  401, 404, 404, 404, 404",
            // Passerelle's pages
            "GET,    /annuaire/partenaires,                  '',  401, 403, 200, 403, 200",
            "GET,    /tableau-de-bord,                       '',  401, 403, 200, 200, 200",
            "GET,    /partenaires/orientation?t=faux,        '',  400, 400, 400, 400, 400",
            // Webhooks: a signature, not a login, opens them
            "POST,   /webhooks/whatsapp,                     {},  401, 401, 401, 401, 401",
            "POST,   /webhooks/messenger,                    {},  401, 401, 401, 401, 401",
            // The engine's REST API
            "GET,    /engine-rest/task,                      '',  401, 200, 200, 200, 200",
            "DELETE, /engine-rest/deployment/inconnu,        '',  401, 404, 404, 404, 404",
            "POST,   /engine-rest/authorization/create,      '{\"type\":1,\"permissions\":[\"ACCESS\"],\"userId\":\"matrixNobody\",\"resourceType\":0,\"resourceId\":\"inexistante\"}', 401, 403, 403, 403, 200",
            "PUT,    /engine-rest/group/camunda-admin/members/matrixOutsider, '', 401, 403, 403, 403, 500",
            "POST,   /engine-rest/process-instance/delete,   {},  401, 400, 400, 400, 400",
            "POST,   /engine-rest/history/process-instance/delete, {}, 401, 400, 400, 400, 400"})
    void eachRoleGetsWhatItsWorkNeeds(String method, String path, String body, int anonymous, int mediator, int lead,
            int supervisor, int admin) {
        assertThat(call(method, path, body, null, null)).as("anonymous").isEqualTo(anonymous);
        assertThat(call(method, path, body, USERS.get("mediator"), null)).as("mediator").isEqualTo(mediator);
        assertThat(call(method, path, body, USERS.get("lead"), null)).as("programme lead").isEqualTo(lead);
        assertThat(call(method, path, body, USERS.get("supervisor"), null)).as("supervisor").isEqualTo(supervisor);
        assertThat(call(method, path, body, "admin", "admin-test")).as("administrator").isEqualTo(admin);
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMINS).userId(USERS.get("lead")).count()).isZero();
    }

    private int call(String method, String path, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", Http.basic(user, password != null ? password : TestUsers.password(user)));
        }
        return Http.send(request).statusCode();
    }
}
