package org.passerelle.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.postJson;
import static org.passerelle.testsupport.Http.send;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The production profile on a real PostgreSQL server (embedded binaries): schema, API and journey. */
// Its own engine name: the engines of cached test contexts must not replace each other in the JVM.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.password=unused", "camunda.bpm.process-engine-name=postgresTest"})
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresIntegrationTest {

    @TestConfiguration
    static class EmbeddedPostgresConfiguration {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        @Primary
        DataSource dataSource(EmbeddedPostgres postgres) {
            return postgres.getPostgresDatabase();
        }
    }

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired IdentityService identity;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;

    @Test
    void runsOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "journey", null)) {
                assertThat(tables.next()).as("Flyway created our tables").isTrue();
            }
        }
        assertThat(managementService.getTableCount()).containsKey("ACT_RU_EXECUTION");
    }

    @Test
    void aContactBecomesAJourneyAndTheAnswerIsSent() {
        String mediator = TestUsers.ensure(identity, "pgMediator", Roles.MEDIATORS);
        var response = send(postJson(port, "/api/contacts", """
                {"channel":"messenger","externalId":"pg-1","firstName":"Maëva","message":"Bonjour depuis La Réunion"}""")
                .header("Authorization", basic(mediator, TestUsers.password(mediator))));
        assertThat(response.statusCode()).isEqualTo(201);

        var task = taskService.createTaskQuery().taskDefinitionKey(Tasks.FIRST_ANSWER).singleResult();
        taskService.complete(task.getId(), java.util.Map.of(Vars.ANSWER_TEXT, "Bonjour Maëva !"));
        var job = managementService.createJobQuery().activityId("taskSendFirstAnswer").singleResult();
        managementService.executeJob(job.getId());

        assertThat(taskService.createTaskQuery().taskDefinitionKey(Tasks.DIAGNOSTIC).count()).isOne();
    }
}
