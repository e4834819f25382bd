package org.passerelle.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.testsupport.Http.basic;
import static org.passerelle.testsupport.Http.postJson;
import static org.passerelle.testsupport.Http.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.journey.JourneyGateway.Started;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.HeldTransaction;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

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
    @Autowired Flyway flyway;
    private final ObjectMapper json = new ObjectMapper();
    @Autowired JourneyGateway gateway;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void runsOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "journey", null)) {
                assertThat(tables.next()).as("Flyway created our tables").isTrue();
            }
        }
        MigrationInfoService migrations = flyway.info();
        assertThat(migrations.applied()).isNotEmpty().allMatch(m -> m.getState() == MigrationState.SUCCESS);
        assertThat(migrations.pending()).isEmpty();
        assertThat(managementService.getTableCount()).containsKey("ACT_RU_EXECUTION");
    }

    @Test
    void jobAcquisitionFindsTheRunningJobsByAnIndex() throws Exception {
        awaitIndexes();
        try (Connection connection = dataSource.getConnection();
                ResultSet index = connection.createStatement().executeQuery(
                        "select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = 'passerelle_job_running'")) {
            assertThat(index.next()).as("index created at start").isTrue();
            assertThat(index.getString(1)).contains("(process_instance_id_)", "WHERE (lock_owner_ IS NOT NULL)");
        }
    }

    /** Built concurrently in the background once the node is ready: valid, all three, within a generous minute. */
    private void awaitIndexes() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).untilAsserted(() -> {
            try (Connection connection = dataSource.getConnection(); ResultSet valid = connection.createStatement().executeQuery(
                    "select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid "
                            + "where c.relname like 'passerelle_%' and i.indisvalid")) {
                java.util.Set<String> built = new java.util.HashSet<>();
                while (valid.next()) {
                    built.add(valid.getString(1));
                }
                assertThat(built).contains("passerelle_job_running", "passerelle_task_due", "passerelle_task_created");
            }
        });
    }

    @Test
    void tasklistsPageIsReadInOrderFromAnIndexNotSortedWhole() throws Exception {
        // Camunda's task page is a SELECT DISTINCT: only PostgreSQL 16+ sorts it incrementally from an index. The plan
        // is asked with 20,000 open tasks, inserted and analysed in a transaction that is rolled back.
        awaitIndexes();
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("insert into act_ru_task (id_, rev_, name_, create_time_, due_date_, suspension_state_, "
                        + "proc_def_id_) select 'plan-' || g, 1, 'Tâche', now(), now() + (g % 5000) * interval '1 minute', 1, "
                        + "(select id_ from act_re_procdef where key_ = 'youthJourney' limit 1) from generate_series(1, 20000) g");
                statement.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select "
                        + "'plan-link-' || g, 1, '" + Roles.MEDIATORS + "', 'candidate', 'plan-' || g from generate_series(1, 20000) g");
                statement.execute("analyze act_ru_task");
                statement.execute("analyze act_ru_identitylink");
                for (String[] page : new String[][] {{"due_date_ asc", "passerelle_task_due"},
                        {"create_time_ desc", "passerelle_task_created"}}) {
                    StringBuilder plan = new StringBuilder();
                    // The shape of Camunda's page: every task column, the candidate-group join, the permissions' join.
                    try (ResultSet rows = statement.executeQuery("explain select distinct RES.* from act_ru_task RES "
                            + "left join act_ru_identitylink I on I.task_id_ = RES.id_ "
                            + "left join act_re_procdef D on RES.proc_def_id_ = D.id_ "
                            + "left join (select A.* from act_ru_authorization A where A.type_ < 2 and A.group_id_ in ('"
                            + Roles.MEDIATORS + "')) AUTH on (AUTH.resource_id_ in (RES.id_, D.key_, '*')) "
                            + "where I.type_ = 'candidate' and I.group_id_ in ('" + Roles.MEDIATORS + "') "
                            + "and (RES.case_execution_id_ is not null or AUTH.resource_id_ is not null) "
                            + "order by RES." + page[0] + " limit 50")) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                    assertThat(plan).as(page[0]).contains("Incremental Sort", page[1]);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @Test
    void aDuplicateContactWaitingOnTheFirstOneGetsItsJourney() throws Exception {
        String mediator = TestUsers.ensure(identity, "pgMediator", Roles.MEDIATORS);
        var winner = HeldTransaction.begin(transactions, () -> gateway.startFromFirstContact(
                new FirstContact("whatsapp", "262692000042", "Maëva", null, "Bonjour")));
        var twin = Executors.newSingleThreadExecutor();
        Future<HttpResponse<String>> answer = twin.submit(() -> send(postJson(port, "/api/contacts", """
                {"channel":"whatsapp","externalId":"262692000042","message":"Bonjour"}""")
                .header("Authorization", basic(mediator, TestUsers.password(mediator)))));

        HeldTransaction.awaitWaitingStatement(dataSource, "insert into youth");
        Started won = winner.commit();
        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        twin.shutdown();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("journeyId").asLong()).isEqualTo(won.journeyId());
    }

    @Test
    void aContactBecomesAJourneyAndTheAnswerIsSent() throws Exception {
        String mediator = TestUsers.ensure(identity, "pgMediator", Roles.MEDIATORS);
        var response = send(postJson(port, "/api/contacts", """
                {"channel":"messenger","externalId":"pg-1","firstName":"Maëva","message":"Bonjour depuis La Réunion"}""")
                .header("Authorization", basic(mediator, TestUsers.password(mediator))));
        assertThat(response.statusCode()).isEqualTo(201);
        String instanceId = json.readTree(response.body()).get("processInstanceId").asText();

        var task = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(Tasks.FIRST_ANSWER)
                .singleResult();
        taskService.complete(task.getId(), java.util.Map.of(Vars.ANSWER_TEXT, "Bonjour Maëva !"));
        var job = managementService.createJobQuery().processInstanceId(instanceId).activityId("taskSendFirstAnswer")
                .singleResult();
        managementService.executeJob(job.getId());

        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(Tasks.DIAGNOSTIC).count())
                .isOne();
    }

    @Autowired org.passerelle.intake.YouthRepository youths;
    @Autowired org.passerelle.journey.JourneyRepository journeys;
    @Autowired org.passerelle.partners.PartnerRepository partners;
    @Autowired org.passerelle.referral.Referrals referrals;

    @Test
    void partnersAreRankedOnPostgresqlWithTheRoutingDecisionsHistory() {
        var youth = new org.passerelle.intake.Youth("whatsapp", "pg-match-1", "Maëva", null, java.time.Instant.now());
        youth.setBirthDate(java.time.LocalDate.of(2006, 3, 1));
        youth.setDepartement("974");
        youth.setDiplomaLevel("aucun");
        youth.segment("jeuneAFreins", "relaisImmediat");
        youths.save(youth);
        Long journeyId = journeys.save(new org.passerelle.journey.Journey(youth, java.time.Instant.now())).getId();
        partners.save(new org.passerelle.partners.Partner("Mission Locale Sud Réunion PG",
                org.passerelle.partners.PartnerNetworks.MISSION_LOCALE, "974", "sud@example.org", 16, 25));

        var result = referrals.proposals(journeyId);

        assertThat(result.proposals()).extracting(p -> p.partner().getName()).containsExactly("Mission Locale Sud Réunion PG");
        assertThat(result.proposals().get(0).reasons()).contains("réseau conseillé pour ce profil (Mission Locale)");

        var referral = new org.passerelle.referral.Referral(journeyId, result.proposals().get(0).partner().getId(),
                java.time.Instant.now(), "pg-nonce");
        referral.accept(java.time.LocalDate.now(), java.time.Instant.now());
        referral.attended(true);
        referralRepository.save(referral);
        var figures = programmeFigures.since(java.time.Instant.EPOCH);
        assertThat(figures.referrals()).containsEntry("ACCEPTED", 1L);
        assertThat(figures.referralAttendance()).containsEntry("venu", 1L);
        assertThat(figures.referralsByNetwork()).containsEntry("MISSION_LOCALE", 1L);
    }

    @Autowired org.passerelle.referral.ReferralRepository referralRepository;
    @Autowired org.passerelle.reporting.ProgrammeFigures programmeFigures;
}
