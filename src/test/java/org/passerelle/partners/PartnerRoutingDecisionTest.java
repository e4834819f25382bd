package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.testsupport.ModelTestEngine;

/** One case per rule of partnerRouting: the networks a profile is steered to, with their weight. */
@Deployment(resources = "processes/partner-routing.dmn")
class PartnerRoutingDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private Map<String, Integer> route(String track, int age, String diploma, boolean overseas, boolean hasProject) {
        var result = engine.getDecisionService().evaluateDecisionByKey("partnerRouting").variables(Variables.createVariables()
                .putValue("track", track).putValue("age", age).putValue("diplomaLevel", diploma).putValue("overseas", overseas)
                .putValue("urgentBarrier", false).putValue("hasProject", hasProject)).evaluate();
        Map<String, Integer> weights = new HashMap<>();
        result.forEach(e -> weights.merge(e.<String>getEntry("network"), ((Number) e.getEntry("weight")).intValue(), Math::max));
        return weights;
    }

    @ParameterizedTest(name = "rule {0}: {1}")
    @CsvSource({
        "1,  a minor goes first to the Mission Locale,                coupDePouce,    17, bac,    false, false, MISSION_LOCALE, 3",
        "2,  urgent barriers go to the Mission Locale,                relaisImmediat, 22, bac,    false, false, MISSION_LOCALE, 3",
        "3,  no diploma no project in metropolitan France: E2C,       orientation,    19, aucun,  false, false, E2C,            2",
        "4,  little diploma in metropolitan France: EPIDE,            orientation,    19, capBep, false, false, EPIDE,          2",
        "5,  little diploma overseas: RSMA,                           orientation,    19, capBep, true,  false, RSMA,           2",
        "6,  a project up to the bac: apprenticeship,                 coupDePouce,    20, bac,    false, true,  APPRENTISSAGE,  2",
        "7,  a project up to the bac: GEIQ,                           coupDePouce,    20, capBep, false, true,  GEIQ,           2",
        "8,  no project: the Mission Locale helps to choose,          orientation,    22, licence, false, false, MISSION_LOCALE, 2",
        "9,  ready to apply: France Travail,                          coupDePouce,    22, licence, false, false, FRANCE_TRAVAIL, 1",
        "10, a project: the CCI,                                      mentorat,       22, licence, false, true,  CCI,            1",
        "11, in metropolitan France: MFR,                             coupDePouce,    22, licence, false, false, MFR,            1",
        "12, always: the Mission Locale,                              mentorat,       22, licence, true,  true,  MISSION_LOCALE, 1",
    })
    void eachRuleSteersToItsNetwork(int rule, String why, String track, int age, String diploma, boolean overseas,
            boolean hasProject, String network, int weight) {
        assertThat(route(track, age, diploma, overseas, hasProject)).as(why).containsEntry(network, weight);
    }

    @org.junit.jupiter.api.Test
    void overseasYouthsAreNeverSteeredToMetropolitanOnlyNetworks() {
        assertThat(route("orientation", 19, "aucun", true, false)).doesNotContainKeys("EPIDE", "MFR").containsKeys("RSMA", "E2C");
    }
}
