package org.passerelle.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.testsupport.ModelTestEngine;

/** One case per rule of youthSegmentation, in rule order, plus boundaries and completeness. */
@Deployment(resources = "processes/youth-segmentation.dmn")
class YouthSegmentationDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static Map<String, Object> youth(int age, String situation, String diploma, boolean hasProject,
            boolean projectPrecise, int barrierCount, boolean urgentBarrier) {
        return Variables.createVariables().putValue("age", age).putValue("situation", situation)
                .putValue("diplomaLevel", diploma).putValue("hasProject", hasProject)
                .putValue("projectPrecise", projectPrecise).putValue("barrierCount", barrierCount)
                .putValue("urgentBarrier", urgentBarrier);
    }

    private DmnDecisionRuleResult segment(Map<String, Object> youth) {
        return engine.getDecisionService().evaluateDecisionTableByKey("youthSegmentation", youth).getSingleResult();
    }

    @ParameterizedTest(name = "rule {0}: {1}")
    @CsvSource({
        "1,  urgent barrier (housing) goes to a local structure at once,   20, chomeur,    bac,        true,  true,  1, true,  jeuneAFreins,         relaisImmediat",
        "2,  minor without diploma with a barrier goes to the Mission Locale, 17, decrocheur, aucun,   false, false, 1, false, decrocheur,           relaisImmediat",
        "3,  student with a precise project gets a mentor,                 21, etudiant,   licence,    true,  true,  0, false, etudiantEnTransition, mentorat",
        "4,  graduate with a precise project gets a mentor,                24, chomeur,    masterPlus, true,  true,  0, false, chercheurOpportunite, mentorat",
        "5,  dropout without a project is oriented,                        19, decrocheur, aucun,      false, false, 0, false, decrocheur,           orientation",
        "6,  dropout with a project gets a push,                           19, decrocheur, capBep,     true,  false, 0, false, decrocheur,           coupDePouce",
        "7,  several barriers lead to orientation,                         22, chomeur,    bac,        true,  false, 2, false, jeuneAFreins,         orientation",
        "8,  inactive youth without a project is an invisible to orient,   20, inactif,    bac,        false, false, 0, false, invisible,            orientation",
        "9,  inactive youth with a project gets a push,                    20, inactif,    bac,        true,  false, 1, false, invisible,            coupDePouce",
        "10, jobseeker with a project gets a push,                         23, chomeur,    capBep,     true,  false, 0, false, chomeurClassique,     coupDePouce",
        "11, graduate without a project explores opportunities,            24, chomeur,    licence,    false, false, 0, false, chercheurOpportunite, orientation",
        "12, anyone else without a project is oriented,                    23, chomeur,    bac,        false, false, 1, false, chomeurClassique,     orientation",
    })
    void eachRuleGivesItsPersonaAndTrack(int rule, String why, int age, String situation, String diploma, boolean hasProject,
            boolean projectPrecise, int barriers, boolean urgent, String persona, String track) {
        var result = segment(youth(age, situation, diploma, hasProject, projectPrecise, barriers, urgent));

        assertThat(result.<String>getEntry("persona")).as(why).isEqualTo(persona);
        assertThat(result.<String>getEntry("track")).as(why).isEqualTo(track);
    }

    @Test
    void theMinorRuleStopsAtEighteen() {
        assertThat(segment(youth(17, "decrocheur", "aucun", false, false, 1, false)).<String>getEntry("track")).isEqualTo("relaisImmediat");
        assertThat(segment(youth(18, "decrocheur", "aucun", false, false, 1, false)).<String>getEntry("track")).isEqualTo("orientation");
    }

    @Test
    void aMinorWithoutBarriersIsNotReferredAtOnce() {
        assertThat(segment(youth(16, "decrocheur", "aucun", true, false, 0, false)).<String>getEntry("track")).isEqualTo("coupDePouce");
    }

    @Test
    void aProjectWithoutASectorIsNotEnoughForMentoring() {
        assertThat(segment(youth(21, "etudiant", "licence", true, false, 0, false)).<String>getEntry("track")).isEqualTo("coupDePouce");
    }

    @Test
    void everyCombinationGetsAPersonaAndAKnownTrack() throws Exception {
        // The DMN engine alone (no database, no history): thousands of evaluations in well under a second.
        var dmn = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        org.camunda.bpm.dmn.engine.DmnDecision decision;
        try (var model = getClass().getClassLoader().getResourceAsStream("processes/youth-segmentation.dmn")) {
            decision = dmn.parseDecision("youthSegmentation", model);
        }
        List<String> tracks = List.of("orientation", "coupDePouce", "mentorat", "relaisImmediat");
        for (int age : new int[] {13, 16, 17, 18, 25, 30}) {
            for (String situation : List.of("decrocheur", "chomeur", "etudiant", "inactif", "autre")) {
                for (String diploma : List.of("aucun", "capBep", "bac", "bac2", "licence", "masterPlus")) {
                    for (boolean hasProject : new boolean[] {true, false}) {
                        for (int barriers : new int[] {0, 1, 3}) {
                            for (boolean urgent : new boolean[] {true, false}) {
                                var result = dmn.evaluateDecisionTable(decision,
                                        youth(age, situation, diploma, hasProject, hasProject, barriers, urgent && barriers > 0)).getSingleResult();
                                assertThat(result.<String>getEntry("persona")).isNotBlank();
                                assertThat(tracks).contains(result.<String>getEntry("track"));
                            }
                        }
                    }
                }
            }
        }
    }
}
