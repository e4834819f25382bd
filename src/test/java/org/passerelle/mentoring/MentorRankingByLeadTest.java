package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A programme lead changes how mentors are ranked in Modeler ("à distance" worth more than the same département),
 * deploys, and the next ranking follows, without Java or restart; a table the matching could not read is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorRankingByLeadTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired MentorRanking ranking;
    @Autowired MentorRepository mentors;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;

    @AfterEach
    void backToTheShippedRanking() {
        repository.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("mentor-ranking.dmn"))
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private Mentor mentor(String name, String departement, boolean remote) {
        return mentors.save(Mentor.of(new Mentor.Profile(name, "Classement", "Lead & Co", null, "btp",
                name.toLowerCase() + ".classement@example.org", departement == null ? List.of() : List.of(departement), remote,
                List.of("cv"), List.of("emploi"), null, 1, null), Mentor.Status.ACTIVE, Instant.now()));
    }

    private int positionOf(List<MentorRanking.Proposal> proposals, Mentor mentor) {
        for (int i = 0; i < proposals.size(); i++) {
            if (proposals.get(i).mentor().getId().equals(mentor.getId())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aLeadMakesRemoteMentoringCountMoreAndTheNextRankingFollows() throws Exception {
        Mentor local = mentor("Paul", "972", false);
        Mentor remote = mentor("Rose", null, true);
        Youth youth = new Youth("whatsapp", "ranking-lead-1", "Maël", null, Instant.now());
        youth.setDepartement("972");
        youth.setProjectSector("btp");
        youth.setProject("Un emploi de maçon");
        youths.save(youth);
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        var before = ranking.rank(journey.getId(), false).proposals();
        assertThat(positionOf(before, local)).isLessThan(positionOf(before, remote));

        String lead = TestUsers.ensure(identity, "rankingLead", Roles.PROGRAMME_LEADS);
        String shipped = Files.readString(Path.of("processes/mentor-ranking.dmn"));
        String changed = shipped.replace("<outputEntry id=\"rankingRemoteOnlyPoints\">\n          <text>5</text>",
                "<outputEntry id=\"rankingRemoteOnlyPoints\">\n          <text>40</text>");
        assertThat(changed).isNotEqualTo(shipped);
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("mentor-ranking.dmn", changed));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        var after = ranking.rank(journey.getId(), false).proposals();
        assertThat(positionOf(after, remote)).isLessThan(positionOf(after, local));
        assertThat(after.get(positionOf(after, remote)).points()).isEqualTo(50 + 20 + 40);
    }

    @Test
    void aLeadRanksByTheSelfTestsInterests() throws Exception {
        Mentor plain = mentor("Yann", "971", false);
        Mentor social = mentor("Sara", "971", false);
        Youth youth = new Youth("whatsapp", "ranking-lead-2", "Lila", null, Instant.now());
        youth.setDepartement("971");
        youth.setProjectSector("btp");
        youth.setInterests("S,A");
        youths.save(youth);
        Journey journey = journeys.save(new Journey(youth, Instant.now()));
        String shipped = Files.readString(Path.of("processes/mentor-ranking.dmn"));
        // A column reading the youth's interests, and a rule favouring mentors who help with discovering the trade.
        String withInterests = shipped.replace("      <output id=\"rankingOutputExcluded\"", """
                      <input id="rankingInputInterests" label="Intérêt social (test)">
                        <inputExpression id="rankingInputExpressionInterests" typeRef="boolean"><text>contains(interetsJeune, "S")</text></inputExpression>
                      </input>
                      <output id="rankingOutputExcluded\"""")
                .replaceAll("(\\s*)<outputEntry id=\"(ranking[A-Za-z]+)Excluded\"", "$1<inputEntry id=\"$2Interests\"><text></text></inputEntry>$1<outputEntry id=\"$2Excluded\"")
                .replace("    </decisionTable>", """
                      <rule id="rankingSocialInterest">
                        <inputEntry id="rankingSocialInterestSameSector"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestGoalHelped"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestInDepartement"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestRemote"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestPlaces"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestAlreadyAsked"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestSuccesses"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestWidened"><text></text></inputEntry>
                        <inputEntry id="rankingSocialInterestInterests"><text>true</text></inputEntry>
                        <outputEntry id="rankingSocialInterestExcluded"><text>"non"</text></outputEntry>
                        <outputEntry id="rankingSocialInterestPoints"><text>7</text></outputEntry>
                        <outputEntry id="rankingSocialInterestReason"><text>"le jeune a un goût pour le social"</text></outputEntry>
                      </rule>
                    </decisionTable>""");
        String lead = TestUsers.ensure(identity, "rankingLead3", Roles.PROGRAMME_LEADS);
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("mentor-ranking.dmn", withInterests));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        var ranked = ranking.rank(journey.getId(), false).proposals();
        assertThat(ranked.get(positionOf(ranked, social)).reasons()).contains("le jeune a un goût pour le social");
        assertThat(ranked.get(positionOf(ranked, plain)).points()).as("same sector, same département, social interest").isEqualTo(50 + 15 + 7);
    }

    @Test
    void aTableWithoutReasonsIsRefusedAtDeployTimeInFrench() throws Exception {
        String lead = TestUsers.ensure(identity, "rankingLead2", Roles.PROGRAMME_LEADS);
        String shipped = Files.readString(Path.of("processes/mentor-ranking.dmn"));
        String noReason = shipped.replace("name=\"raison\"", "name=\"motif\"");

        var refused = ModelerDeploy.deploy(port, lead, Map.of("mentor-ranking.dmn", noReason));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Déploiement refusé", "la colonne de sortie « raison » manque");
    }
}
