package org.passerelle.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue "programme changes without Java", changes (b) and (j): a programme lead sets the first-answer escalation
 * to 12 hours and the referral expiry to 15 days in "Paramètres du programme", deploys from Modeler, and the next
 * journey's escalation timer follows at once; a value in a wrong unit is said in French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgrammeChangesByLeadTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired JourneyGateway gateway;
    @Autowired ProgrammeParameters parameters;

    @AfterEach
    void backToTheShippedParameters() {
        repository.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("programme-parameters.dmn"))
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static String shipped() throws Exception {
        return Files.readString(Path.of("processes/programme-parameters.dmn"));
    }

    private Instant escalationDueOfANewJourney(String externalId) {
        Instant before = Instant.now();
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", externalId, "Lou", "tiktok", "Bonjour"));
        var timer = management.createJobQuery().processInstanceId(started.processInstanceId()).timers()
                .activityId("timerFirstAnswerOverdue").singleResult();
        assertThat(timer).isNotNull();
        return Instant.ofEpochMilli(timer.getDuedate().getTime() - before.toEpochMilli());
    }

    @Test
    void aLeadShortensTheEscalationAndTheReferralExpiryWithoutJavaOrRestart() throws Exception {
        String lead = TestUsers.ensure(identity, "parametersLead", Roles.PROGRAMME_LEADS);
        assertThat(Duration.ofMillis(escalationDueOfANewJourney("parameters-1").toEpochMilli()))
                .isBetween(Duration.ofHours(20).minusMinutes(1), Duration.ofHours(20).plusMinutes(1));
        assertThat(parameters.getReferralExpiry()).isEqualTo("P30D");

        String changed = shipped().replace("<text>20</text>", "<text>12</text>").replace("<text>30</text>", "<text>15</text>");
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("programme-parameters.dmn", changed));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        assertThat(Duration.ofMillis(escalationDueOfANewJourney("parameters-2").toEpochMilli()))
                .isBetween(Duration.ofHours(12).minusMinutes(1), Duration.ofHours(12).plusMinutes(1));
        assertThat(parameters.getFirstAnswerEscalationLabel()).isEqualTo("12 heures");
        assertThat(parameters.getReferralExpiry()).isEqualTo("P15D");
        assertThat(parameters.getReferralExpiryLabel()).isEqualTo("15 jours");
        assertThat(parameters.getReferralReminderCycle()).isEqualTo("R3/P5D");
        // Change (i): the mentorship check-in period is a row of the same table (30 → 15 days here too).
        assertThat(parameters.getMentorshipCheckInPeriod()).isEqualTo("P15D");
    }

    @Test
    void aTableAJourneyCouldNotUseIsRefusedAtDeployTimeInFrench() throws Exception {
        String lead = TestUsers.ensure(identity, "parametersLead2", Roles.PROGRAMME_LEADS);
        String wrongUnit = shipped().replaceFirst("<text>\"heures\"</text>", "<text>\"fois\"</text>");
        String afterThePromise = shipped().replace("<text>20</text>", "<text>30</text>");
        String missing = shipped().replace("\"expirationOrientation\"", "\"expiration\"");

        var refusedUnit = ModelerDeploy.deploy(port, lead, Map.of("programme-parameters.dmn", wrongUnit));
        var refusedPromise = ModelerDeploy.deploy(port, lead, Map.of("programme-parameters.dmn", afterThePromise));
        var refusedMissing = ModelerDeploy.deploy(port, lead, Map.of("programme-parameters.dmn", missing));

        assertThat(refusedUnit.statusCode()).isEqualTo(400);
        assertThat(refusedUnit.body()).contains("Déploiement refusé", "Paramètres du programme",
                "« escaladePremierMessage » est un délai, en heures ou en jours");
        assertThat(refusedPromise.statusCode()).isEqualTo(400);
        assertThat(refusedPromise.body()).contains("avant les 24 heures promises");
        assertThat(refusedMissing.statusCode()).isEqualTo(400);
        assertThat(refusedMissing.body()).contains("« expirationOrientation » : une valeur entière positive");
        assertThat(parameters.getFirstAnswerEscalation()).as("the shipped table still applies").isEqualTo("PT20H");
    }
}
