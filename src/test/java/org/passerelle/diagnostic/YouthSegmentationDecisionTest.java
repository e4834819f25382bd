package org.passerelle.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.journey.YouthJourney.Tracks;
import org.passerelle.journey.YouthJourney.Vars;
import org.passerelle.testsupport.ModelTestEngine;

/**
 * youthSegmentation as the engine evaluates it: one case per rule (and the rule that answered),
 * the boundaries a programme lead may move, and a grid proving every youth gets an answer.
 */
@Deployment(resources = YouthSegmentationDecisionTest.DMN)
class YouthSegmentationDecisionTest {

    static final String DMN = "processes/youth-segmentation.dmn";
    private static final String DECISION = "youthSegmentation";
    private static final Set<String> PERSONAS = Set.of("decrocheur", "invisible", "chomeurClassique", "jeuneAFreins",
            "chercheurOpportunite", "etudiantEnTransition");
    private static final Set<String> TRACKS = Set.of(Tracks.ORIENTATION, Tracks.COUP_DE_POUCE, Tracks.MENTORAT,
            Tracks.RELAIS_IMMEDIAT);

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static Map<String, Object> youth(int age, String situation, String diploma, boolean hasProject,
            boolean projectPrecise, int barrierCount, boolean urgentBarrier) {
        return Variables.createVariables().putValue(Vars.AGE, age).putValue(Vars.SITUATION, situation)
                .putValue(Vars.DIPLOMA_LEVEL, diploma).putValue(Vars.HAS_PROJECT, hasProject)
                .putValue(Vars.PROJECT_PRECISE, projectPrecise).putValue(Vars.BARRIER_COUNT, barrierCount)
                .putValue(Vars.URGENT_BARRIER, urgentBarrier);
    }

    private DmnDecisionRuleResult segment(Map<String, Object> youth) {
        return engine.getDecisionService().evaluateDecisionTableByKey(DECISION, youth).getSingleResult();
    }

    private String track(Map<String, Object> youth) {
        return segment(youth).getEntry("track");
    }

    /** The rule the engine recorded for the only evaluation of this test (each test has its own deployment). */
    private String answeringRule() {
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(DECISION).includeOutputs().singleResult();
        return evaluation.getOutputs().get(0).getRuleId();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "ruleUrgentBarrier,          homeless jobseeker goes to a local structure at once,  20, chomeur,    bac,        true,  true,  1, true,  jeuneAFreins,         relaisImmediat",
        "ruleMinorWithoutDiploma,    minor dropout with a barrier goes to the Mission Locale, 17, decrocheur, aucun,    false, false, 1, false, decrocheur,           relaisImmediat",
        "ruleStudentPreciseProject,  student with a precise project gets a mentor,          21, etudiant,   licence,    true,  true,  0, false, etudiantEnTransition, mentorat",
        "ruleGraduatePreciseProject, graduate with a precise project gets a mentor,         24, chomeur,    masterPlus, true,  true,  0, false, chercheurOpportunite, mentorat",
        "ruleDropoutWithoutProject,  dropout without a project is oriented,                 19, decrocheur, aucun,      false, false, 0, false, decrocheur,           orientation",
        "ruleDropoutWithProject,     dropout with a project gets a push,                    19, decrocheur, capBep,     true,  false, 0, false, decrocheur,           coupDePouce",
        "ruleSeveralBarriers,        several barriers lead to a 360° structure,             22, chomeur,    bac,        true,  false, 2, false, jeuneAFreins,         orientation",
        "ruleInactiveWithoutProject, inactive youth without a project is an invisible,      20, inactif,    bac,        false, false, 0, false, invisible,            orientation",
        "ruleInactiveWithProject,    inactive youth with a project gets a push,             20, inactif,    bac,        true,  false, 1, false, invisible,            coupDePouce",
        "ruleStudentWithProject,     student with a vague project gets a push,              21, etudiant,   bac,        true,  false, 0, false, etudiantEnTransition, coupDePouce",
        "ruleStudentWithoutProject,  student without a project explores,                    20, etudiant,   bac,        false, false, 1, false, etudiantEnTransition, orientation",
        "ruleProjectNeedsAPush,      jobseeker with a project gets a push,                  23, chomeur,    capBep,     true,  false, 0, false, chomeurClassique,     coupDePouce",
        "ruleGraduateWithoutProject, graduate without a project explores opportunities,     24, chomeur,    licence,    false, false, 0, false, chercheurOpportunite, orientation",
        "ruleNoProject,              anyone else without a project is oriented,             23, autre,      capBep,     false, false, 1, false, chomeurClassique,     orientation",
    })
    void eachRuleGivesItsPersonaAndTrack(String rule, String why, int age, String situation, String diploma,
            boolean hasProject, boolean projectPrecise, int barriers, boolean urgent, String persona, String track) {
        DmnDecisionRuleResult result = segment(youth(age, situation, diploma, hasProject, projectPrecise, barriers, urgent));

        assertThat(result.<String>getEntry("persona")).as(why).isEqualTo(persona);
        assertThat(result.<String>getEntry("track")).as(why).isEqualTo(track);
        assertThat(answeringRule()).as(why).isEqualTo(rule);
    }

    @Test
    void anUrgentBarrierComesBeforeEvenAStudentsPreciseProject() {
        assertThat(track(youth(21, "etudiant", "licence", true, true, 1, true))).isEqualTo(Tracks.RELAIS_IMMEDIAT);
    }

    @Test
    void theMinorRuleHoldsUntilEighteen() {
        assertThat(track(youth(13, "decrocheur", "aucun", false, false, 1, false))).isEqualTo(Tracks.RELAIS_IMMEDIAT);
        assertThat(track(youth(17, "decrocheur", "aucun", false, false, 1, false))).isEqualTo(Tracks.RELAIS_IMMEDIAT);
        assertThat(track(youth(18, "decrocheur", "aucun", false, false, 1, false))).isEqualTo(Tracks.ORIENTATION);
    }

    @Test
    void aMinorWithoutBarriersOrWithADiplomaIsNotReferredAtOnce() {
        assertThat(track(youth(16, "decrocheur", "aucun", true, false, 0, false))).isEqualTo(Tracks.COUP_DE_POUCE);
        assertThat(track(youth(16, "chomeur", "capBep", false, false, 1, false))).isEqualTo(Tracks.ORIENTATION);
    }

    @Test
    void twoBarriersMakeAJeuneAFreinsOneDoesNot() {
        assertThat(segment(youth(22, "chomeur", "bac", false, false, 1, false)).<String>getEntry("persona"))
                .isEqualTo("chomeurClassique");
        assertThat(segment(youth(22, "chomeur", "bac", false, false, 2, false)).<String>getEntry("persona"))
                .isEqualTo("jeuneAFreins");
    }

    @Test
    void mentoringStartsAtTheBaccalaureate() {
        assertThat(track(youth(20, "chomeur", "capBep", true, true, 0, false))).isEqualTo(Tracks.COUP_DE_POUCE);
        assertThat(track(youth(20, "chomeur", "bac", true, true, 0, false))).isEqualTo(Tracks.MENTORAT);
    }

    @Test
    void aProjectWithoutASectorIsNotEnoughForMentoring() {
        assertThat(track(youth(21, "etudiant", "licence", true, false, 0, false))).isEqualTo(Tracks.COUP_DE_POUCE);
    }

    @Test
    void theOldestYouthsOfTheProgrammeAreSegmentedToo() {
        assertThat(track(youth(30, "chomeur", "masterPlus", true, true, 0, false))).isEqualTo(Tracks.MENTORAT);
        assertThat(track(youth(30, "inactif", "aucun", false, false, 0, false))).isEqualTo(Tracks.ORIENTATION);
    }

    /**
     * Every diagnostic gets a known persona and track, and every rule answers at least once: a rule
     * hidden behind an earlier one would be dead for the programme lead. The grid takes the ages where
     * youth policy draws lines (16, 18, 26) and the barrier counts around the table's thresholds.
     * It runs on the bare DMN engine with the legacy FEEL engine: the same answers for this table's
     * simple tests, ~15 times faster than the Scala FEEL engine, which parses every entry at every
     * evaluation. The cases above run on the real engine.
     */
    @Test
    void everyDiagnosticGetsAnAnswerAndEveryRuleIsReachable() throws Exception {
        List<String> answering = new ArrayList<>();
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(true);
        configuration.customPostDecisionTableEvaluationListeners(List.of(
                event -> answering.add(event.getMatchingRules().get(0).getId())));
        DmnEngine dmn = configuration.buildEngine();
        DmnDecision decision;
        Set<String> ruleIds = new HashSet<>();
        try (InputStream model = getClass().getClassLoader().getResourceAsStream(DMN)) {
            var instance = Dmn.readModelFromStream(model);
            instance.getModelElementsByType(Rule.class).forEach(rule -> ruleIds.add(rule.getId()));
            decision = dmn.parseDecision(DECISION, instance);
        }
        boolean[][] projects = {{false, false}, {true, false}, {true, true}};
        int[][] barriers = {{0, 0}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {3, 1}}; // count, urgent
        int evaluations = 0;
        for (int age : new int[] {13, 15, 16, 17, 18, 19, 25, 26, 30}) {
            for (String situation : List.of("decrocheur", "chomeur", "etudiant", "inactif", "autre")) {
                for (String diploma : List.of("aucun", "capBep", "bac", "bac2", "licence", "masterPlus")) {
                    for (boolean[] project : projects) {
                        for (int[] barrier : barriers) {
                            var result = dmn.evaluateDecisionTable(decision, youth(age, situation, diploma,
                                    project[0], project[1], barrier[0], barrier[1] == 1)).getSingleResult();
                            assertThat(result).isNotNull();
                            assertThat(PERSONAS).contains(result.<String>getEntry("persona"));
                            assertThat(TRACKS).contains(result.<String>getEntry("track"));
                            evaluations++;
                        }
                    }
                }
            }
        }
        assertThat(answering).hasSize(evaluations);
        assertThat(new HashSet<>(answering)).as("rules that answered at least once").isEqualTo(ruleIds);
    }
}
