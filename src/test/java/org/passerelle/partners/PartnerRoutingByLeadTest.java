package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The self-test's interests reach the partner routing: a lead adds a column reading "interetsJeune" in Modeler,
 * deploys, and the next youths with those interests are steered differently, without Java or restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerRoutingByLeadTest {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired PartnerRouting routing;

    @AfterEach
    void backToTheShippedRouting() {
        repository.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("partner-routing.dmn"))
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static YouthProfile youth(String interests) {
        return new YouthProfile(LocalDate.of(2004, 5, 1), "69", null, "licence", Set.of(), false, false, "coupDePouce", interests);
    }

    @Test
    void aLeadSteersYouthsWithRealisticInterestsToTheGeiq() throws Exception {
        assertThat(routing.preferredNetworks(youth("R,C"), 22)).doesNotContainKey(PartnerNetworks.GEIQ);

        String shipped = Files.readString(Path.of("processes/partner-routing.dmn"));
        String withInterests = shipped.replace("      <output id=\"routingOutputNetwork\"", """
                      <input id="routingInputInterests" label="Goût pour le concret (test)">
                        <inputExpression id="routingInputExpressionInterests" typeRef="boolean"><text>contains(interetsJeune, "R")</text></inputExpression>
                      </input>
                      <output id="routingOutputNetwork\"""")
                .replaceAll("(\\s*)<outputEntry id=\"(routingRule[0-9]+)Network\"", "$1<inputEntry id=\"$2Interests\"><text></text></inputEntry>$1<outputEntry id=\"$2Network\"")
                .replace("    </decisionTable>", """
                      <rule id="routingRuleInterests">
                        <description>Un goût pour le concret : les groupements d'employeurs forment en travaillant.</description>
                        <inputEntry id="routingRuleInterestsTrack"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsAge"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsDiploma"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsOverseas"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsUrgent"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsProject"><text></text></inputEntry>
                        <inputEntry id="routingRuleInterestsInterests"><text>true</text></inputEntry>
                        <outputEntry id="routingRuleInterestsNetwork"><text>"GEIQ"</text></outputEntry>
                        <outputEntry id="routingRuleInterestsWeight"><text>3</text></outputEntry>
                      </rule>
                    </decisionTable>""");
        String lead = TestUsers.ensure(identity, "routingLead", Roles.PROGRAMME_LEADS);
        var deployed = ModelerDeploy.deploy(port, lead, Map.of("partner-routing.dmn", withInterests));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        assertThat(routing.preferredNetworks(youth("R,C"), 22)).containsEntry(PartnerNetworks.GEIQ, 3);
        assertThat(routing.preferredNetworks(youth("S,A"), 22)).doesNotContainKey(PartnerNetworks.GEIQ);
        assertThat(routing.preferredNetworks(youth(null), 22)).as("no self-test taken").doesNotContainKey(PartnerNetworks.GEIQ);
    }
}
