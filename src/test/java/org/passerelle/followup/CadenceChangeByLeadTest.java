package org.passerelle.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.passerelle.followup.NudgePolicy.Silence;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue "programme changes without Java", change (a): a programme lead moves the cadence from J+3/J+10/30 days to
 * J+2/J+7/21 days in Modeler and deploys it; the running application schedules the next nudges with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CadenceChangeByLeadTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired NudgePolicy policy;

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void aLeadsDeployedCadenceAppliesWithoutJavaOrRestart() throws Exception {
        String lead = TestUsers.ensure(identity, "cadenceLead", Roles.PROGRAMME_LEADS);
        Instant monday = paris("2026-11-23T14:00");
        assertThat(policy.nextNudgeAt(new Silence(monday, 0, PARIS))).isEqualTo(paris("2026-11-26T14:00"));

        String changed = Files.readString(Path.of("processes/follow-up-cadence.dmn"))
                .replace("<text>3</text>", "<text>2</text>").replace("<text>10</text>", "<text>7</text>")
                .replace("10 + 30 * (unansweredNudges - 1)", "7 + 21 * (unansweredNudges - 1)");
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("follow-up-cadence.dmn", changed));
        try {
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

            assertThat(policy.nextNudgeAt(new Silence(monday, 0, PARIS))).isEqualTo(paris("2026-11-25T14:00"));
            assertThat(policy.nextNudgeAt(new Silence(monday, 1, PARIS))).isEqualTo(paris("2026-11-30T14:00"));
            assertThat(policy.nextNudgeAt(new Silence(monday, 2, PARIS))).isEqualTo(paris("2026-12-21T14:00"));
        } finally {
            // The shared test engine goes back to the shipped cadence.
            repository.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                    .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("follow-up-cadence.dmn"))
                    .forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
        assertThat(policy.nextNudgeAt(new Silence(monday, 0, PARIS))).isEqualTo(paris("2026-11-26T14:00"));
    }

    @Test
    void aCadenceWithAGapIsRefusedAtDeployTimeInFrench() throws Exception {
        String lead = TestUsers.ensure(identity, "cadenceLead2", Roles.PROGRAMME_LEADS);
        String gap = Files.readString(Path.of("processes/follow-up-cadence.dmn")).replace("&gt;= 2", "&gt;= 5");

        var refused = ModelerDeploy.deploy(port, lead, Map.of("follow-up-cadence.dmn", gap));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Déploiement refusé", "Cadence des relances",
                "aucun délai d'au moins un jour pour 2 relance(s) sans réponse");
    }
}
