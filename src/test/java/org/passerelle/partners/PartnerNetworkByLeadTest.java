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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.security.Roles;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Change (e): a lead adds the network "Service civique" to "Réseaux partenaires" in Modeler and steers youths
 * without a project to it in "Réseaux conseillés", deployed together on the running application. Its services
 * are then imported with its national rules and proposed first, without Java or restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerNetworkByLeadTest {

    private static final String ROW = """
                  <rule id="ruleServiceCivique">
                    <inputEntry id="ruleServiceCiviqueInput"><text>-</text></inputEntry>
                    <outputEntry id="ruleServiceCiviqueCode"><text>%s</text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueLabel"><text>"Service civique"</text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueAgeMin"><text>16</text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueAgeMax"><text>25</text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueMaxDiploma"><text></text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueZone"><text></text></outputEntry>
                    <outputEntry id="ruleServiceCiviqueImportNames"><text>"service-civique"</text></outputEntry>
                  </rule>
                </decisionTable>""";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired PartnerNetworks networks;
    @Autowired PartnerRouting routing;
    @Autowired PartnerImport imports;
    @Autowired PartnerDirectory directory;
    @Autowired PartnerRepository partners;

    private String lead;

    @BeforeEach
    void lead() {
        lead = TestUsers.ensure(identity, "networkLead", Roles.PROGRAMME_LEADS);
    }

    @AfterEach
    void backToTheShippedTables() {
        partners.findAll().stream().filter(p -> "SERVICE_CIVIQUE".equals(p.getNetwork())).forEach(partners::delete);
        repository.createDeploymentQuery().deploymentName("essai-modeler").list().stream()
                .filter(d -> repository.getDeploymentResourceNames(d.getId()).stream().anyMatch(name -> name.startsWith("partner-")))
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    private static String networksWith(String code) throws Exception {
        return Files.readString(Path.of("processes/partner-networks.dmn")).replace("    </decisionTable>", ROW.formatted(code));
    }

    /** Youths without a project are steered to the new network first. */
    private static String routingTo(String code) throws Exception {
        return Files.readString(Path.of("processes/partner-routing.dmn")).replace("    </decisionTable>", """
                  <rule id="routingRuleServiceCivique">
                    <description>Sans projet précis, une mission de service civique fait découvrir un métier.</description>
                    <inputEntry id="routingRuleServiceCiviqueTrack"><text></text></inputEntry>
                    <inputEntry id="routingRuleServiceCiviqueAge"><text></text></inputEntry>
                    <inputEntry id="routingRuleServiceCiviqueDiploma"><text></text></inputEntry>
                    <inputEntry id="routingRuleServiceCiviqueOverseas"><text></text></inputEntry>
                    <inputEntry id="routingRuleServiceCiviqueUrgent"><text></text></inputEntry>
                    <inputEntry id="routingRuleServiceCiviqueProject"><text>false</text></inputEntry>
                    <outputEntry id="routingRuleServiceCiviqueNetwork"><text>"%s"</text></outputEntry>
                    <outputEntry id="routingRuleServiceCiviqueWeight"><text>5</text></outputEntry>
                  </rule>
                </decisionTable>""".formatted(code));
    }

    private static YouthProfile withoutProject() {
        return new YouthProfile(LocalDate.now().minusYears(19).minusDays(40), "87", null, "bac", Set.of(), false, false,
                "orientation", null);
    }

    @Test
    void aNewNetworkIsImportedWithItsRulesAndAdvisedWithoutJavaNorRestart() throws Exception {
        assertThat(imports.importCsv("csv-service-civique", """
                id;nom;reseau;departement;courriel;age_min;age_max;diplome_max;zones;statuts;places;actif
                sc-87;Mission de service civique Limoges;service-civique;87;limoges@example.org;;;;dep:87;;;oui
                """).rejected()).as("unknown before the deploy").hasSize(1);

        var deployed = ModelerDeploy.deploy(port, lead, Map.of("partner-networks.dmn", networksWith("\"SERVICE_CIVIQUE\""),
                "partner-routing.dmn", routingTo("SERVICE_CIVIQUE")));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

        assertThat(networks.label("SERVICE_CIVIQUE")).isEqualTo("Service civique");
        var report = imports.importCsv("csv-service-civique", """
                id;nom;reseau;departement;courriel;age_min;age_max;diplome_max;zones;statuts;places;actif
                sc-87;Mission de service civique Limoges;service-civique;87;limoges@example.org;;;;dep:87;;;oui
                """);
        assertThat(report.rejected()).isEmpty();
        Partner imported = partners.findBySourceAndSourceId("csv-service-civique", "sc-87").orElseThrow();
        assertThat(imported.getNetwork()).isEqualTo("SERVICE_CIVIQUE");
        assertThat(imported.getAgeMin()).as("the network's national rule").isEqualTo(16);
        assertThat(imported.getAgeMax()).isEqualTo(25);

        assertThat(routing.preferredNetworks(withoutProject(), 19)).containsEntry("SERVICE_CIVIQUE", 5);
        var proposals = directory.match(withoutProject(), LocalDate.now(), Set.of(), Map.of()).proposals();
        assertThat(proposals).isNotEmpty();
        assertThat(proposals.get(0).partner().getName()).isEqualTo("Mission de service civique Limoges");
        assertThat(proposals.get(0).reasons()).contains("réseau conseillé pour ce profil (Service civique)");
    }

    @Test
    void aRoutingTowardsAnUnknownNetworkIsRefusedAtDeployTime() throws Exception {
        var refused = ModelerDeploy.deploy(port, lead, Map.of("partner-routing.dmn", routingTo("VOLONTARIAT")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Déploiement refusé", "partner-routing.dmn",
                "réseau « VOLONTARIAT » inconnu de « Réseaux partenaires »");
        assertThat(routing.preferredNetworks(withoutProject(), 19)).doesNotContainKey("VOLONTARIAT");
    }

    @Test
    void aNetworkTableThatCouldNotBeUsedIsRefusedWithItsReasons() throws Exception {
        var badCode = ModelerDeploy.deploy(port, lead, Map.of("partner-networks.dmn", networksWith("\"service civique\"")));
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("code « service civique » : des majuscules");

        Partner inUse = partners.save(new Partner("Mission Locale essai réseaux", PartnerNetworks.MISSION_LOCALE, "87", "", 16, 25));
        String withoutMissionsLocales = Files.readString(Path.of("processes/partner-networks.dmn"))
                .replaceAll("(?s)<rule id=\"ruleMissionLocale\">.*?</rule>", "");
        var removed = ModelerDeploy.deploy(port, lead, Map.of("partner-networks.dmn", withoutMissionsLocales));
        assertThat(removed.statusCode()).isEqualTo(400);
        assertThat(removed.body()).contains("le réseau « MISSION_LOCALE » a des structures dans l'annuaire : gardez sa ligne");
        assertThat(networks.label(PartnerNetworks.MISSION_LOCALE)).isEqualTo("Mission Locale");
        partners.delete(inUse);

        String withoutRsma = Files.readString(Path.of("processes/partner-networks.dmn"))
                .replaceAll("(?s)<rule id=\"ruleRsma\">.*?</rule>", "");
        var advised = ModelerDeploy.deploy(port, lead, Map.of("partner-networks.dmn", withoutRsma));
        assertThat(advised.statusCode()).isEqualTo(400);
        assertThat(advised.body()).contains("le réseau « RSMA » est conseillé par « Réseaux conseillés »");
    }

    @Autowired org.camunda.bpm.engine.ProcessEngineConfiguration engineConfiguration;

    @Test
    void anUpgradeRedeploysOnlyChangedFilesSoALeadsTablesStayTheirs() {
        // With every file redeployed at start, the shipped "Réseaux partenaires" would replace the lead's at each
        // release that changes any model.
        assertThat(((org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration) engineConfiguration).isDeployChangedOnly())
                .isTrue();
    }
}
