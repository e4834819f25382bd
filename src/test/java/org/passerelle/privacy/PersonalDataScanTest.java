package org.passerelle.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * After a diagnostic submitted as Tasklist submits it, a scan of every text and binary column of the
 * database finds the youth's answers in the youth's own row only: not in the engine's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataScanTest {

    private static final String PROJECT = "Boulangère pâtissière à Saint-Pierre zq7";
    private static final String AVAILABILITY = "Les mardis après-midi zq7";

    @LocalServerPort int port;
    @Autowired JourneyGateway gateway;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identity;
    @Autowired DataSource dataSource;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void theDiagnosticAnswersLiveOnlyInTheYouthRow() throws Exception {
        diagnose("scan-youth-1", "Lya", PROJECT);

        assertThat(placesHolding(PROJECT)).containsExactly("YOUTH.PROJECT");
        assertThat(placesHolding(AVAILABILITY)).containsExactly("YOUTH.AVAILABILITY");
        assertThat(placesHolding("2006-07-19")).isEmpty();
        try (Connection db = dataSource.getConnection(); ResultSet row = db.createStatement()
                .executeQuery("select birth_date from youth where external_id = 'scan-youth-1'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getDate(1).toLocalDate()).isEqualTo(java.time.LocalDate.of(2006, 7, 19));
        }
    }

    @Test
    void afterErasureNothingOfTheYouthRemainsAnywhere() throws Exception {
        String project = "Soudeur naval à Kourou xw3";
        var started = diagnose("scan-youth-2", "Zyannaxw", project);
        String lead = TestUsers.ensure(identity, "scanLead", Roles.PROGRAMME_LEADS);

        var erased = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                + "/api/journeys/" + started.journeyId() + "/personal-data"))
                .header("Authorization", Http.basic(lead, TestUsers.password(lead))).DELETE());

        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(placesHolding(project)).isEmpty();
        assertThat(placesHolding("Zyannaxw")).isEmpty();
        assertThat(placesHolding("scan-youth-2")).isEmpty();
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(started.processInstanceId()).count()).isZero();
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(started.processInstanceId()).count()).isZero();
    }

    private JourneyGateway.Started diagnose(String externalId, String firstName, String project) throws Exception {
        String mediator = TestUsers.ensure(identity, "scanMediator", Roles.MEDIATORS);
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, firstName, "tiktok", "Bonjour"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult().getId(), Map.of(Vars.ANSWER_TEXT, "Bonjour Lya"));
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        String diagnostic = taskService.createTaskQuery().processInstanceId(started.processInstanceId())
                .taskDefinitionKey(Tasks.DIAGNOSTIC).singleResult().getId();

        var response = Http.send(Http.postJson(port, "/engine-rest/task/" + diagnostic + "/submit-form", """
                {"variables":{
                  "birthDate":{"value":"2006-07-19","type":"String"},"departement":{"value":"974","type":"String"},
                  "diplomaLevel":{"value":"capBep","type":"String"},"situation":{"value":"chomeur","type":"String"},
                  "barriers":{"value":"[\\"logement\\"]","type":"Json"},"statuses":{"value":"[]","type":"Json"},
                  "hasProject":{"value":true,"type":"Boolean"},"project":{"value":"%s","type":"String"},
                  "projectSector":{"value":"commerce","type":"String"},"availability":{"value":"%s","type":"String"},
                  "consentContact":{"value":true,"type":"Boolean"},"consentReferral":{"value":true,"type":"Boolean"},
                  "guardianConsent":{"value":false,"type":"Boolean"}}}""".formatted(project, AVAILABILITY))
                .header("Authorization", Http.basic(mediator, TestUsers.password(mediator))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        managementService.createJobQuery().processInstanceId(started.processInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        return started;
    }

    /** Every TABLE.COLUMN (text, JSON or binary) whose value contains the text. */
    private List<String> placesHolding(String text) throws Exception {
        List<String> places = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where lower(table_schema) = 'public' and lower(data_type) in ('character varying', 'character large object',
                      'binary large object', 'character', 'json', 'binary varying', 'text', 'bytea', 'jsonb')""")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : columns) {
                try (ResultSet values = db.createStatement().executeQuery(
                        "select \"" + column[1] + "\" from \"" + column[0] + "\"")) {
                    while (values.next()) {
                        byte[] value = values.getBytes(1);
                        if (value != null && new String(value, StandardCharsets.UTF_8).contains(text)) {
                            // H2 names in capitals, PostgreSQL in lower case: said the same way on both.
                            places.add((column[0] + "." + column[1]).toUpperCase(java.util.Locale.ROOT));
                            break;
                        }
                    }
                }
            }
        }
        return places;
    }
}
