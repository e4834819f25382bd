package org.passerelle.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.testsupport.ModelTestEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Cadence des relances" as the engine evaluates it, rule by rule, and a lead's changed table taking effect at once. */
@Deployment(resources = "processes/follow-up-cadence.dmn")
class FollowUpCadenceDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private final FollowUpCadence cadence = new DeployedFollowUpCadence(engine.getProcessEngine().getDecisionService(),
            new JdbcTemplate(((ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration()).getDataSource()));

    private FollowUpCadence cadence() {
        return cadence;
    }

    @ParameterizedTest(name = "{0} relance(s) sans réponse → J+{1}")
    @CsvSource({"0, 3", "1, 10", "2, 40", "3, 70", "6, 160"})
    void theShippedCadenceIsJ3J10ThenEveryThirtyDays(int unanswered, long days) {
        assertThat(cadence().daysAfterLastContact(unanswered)).isEqualTo(days);
    }

    @Test
    void aLeadsNewTableAppliesToTheNextNudgeWithoutRestart() {
        var repository = engine.getProcessEngine().getRepositoryService();
        String changed = new String(readShipped()).replace("<text>3</text>", "<text>2</text>")
                .replace("<text>10</text>", "<text>7</text>").replace("10 + 30 * (unansweredNudges - 1)", "7 + 21 * (unansweredNudges - 1)");
        String deployment = repository.createDeployment().addString("follow-up-cadence.dmn", changed).deploy().getId();
        try {
            assertThat(cadence().daysAfterLastContact(0)).isEqualTo(2);
            assertThat(cadence().daysAfterLastContact(1)).isEqualTo(7);
            assertThat(cadence().daysAfterLastContact(2)).isEqualTo(28);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(cadence().daysAfterLastContact(1)).as("the shipped table again, once the lead's is removed").isEqualTo(10);
    }

    @Test
    void eachVersionIsEvaluatedOncePerCountNotAtEveryNudge() {
        var history = engine.getProcessEngine().getHistoryService();
        long before = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(FollowUpCadence.DECISION).count();

        for (int nudge = 0; nudge < 5; nudge++) {
            assertThat(cadence().daysAfterLastContact(0)).isEqualTo(3);
            assertThat(cadence().daysAfterLastContact(1)).isEqualTo(10);
        }

        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(FollowUpCadence.DECISION).count())
                .isEqualTo(before + 2);
    }

    @Test
    void aTableWithoutAnAnswerForACountIsSaidInFrench() {
        var repository = engine.getProcessEngine().getRepositoryService();
        String gap = new String(readShipped()).replace("&gt;= 2", "&gt;= 5");
        String deployment = repository.createDeployment().addString("follow-up-cadence.dmn", gap).deploy().getId();
        try {
            assertThatThrownBy(() -> cadence().daysAfterLastContact(3))
                    .hasMessageContaining("Cadence des relances").hasMessageContaining("3 relance(s)");
            assertThatThrownBy(() -> cadence().daysAfterLastContact(3)).as("an error is not remembered as an answer")
                    .hasMessageContaining("3 relance(s)");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private static byte[] readShipped() {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes/follow-up-cadence.dmn"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
