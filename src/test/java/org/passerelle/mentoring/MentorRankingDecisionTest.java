package org.passerelle.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** "Classement des mentors" as the engine evaluates it: every rule, and the deploy-time check of a lead's table. */
class MentorRankingDecisionTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision table(String xml) {
        return ENGINE.parseDecision(MentorRanking.DECISION, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String shipped() throws Exception {
        return Files.readString(Path.of("processes/mentor-ranking.dmn"));
    }

    /** A mentor of the youth's sector and département, helping towards the youth's goal, one place left. */
    private static VariableMap ideal() {
        return Variables.createVariables().putValue("memeSecteur", true).putValue("objectifAccompagne", true)
                .putValue("memeDepartement", true).putValue("aDistance", false).putValue("placesLibres", 1)
                .putValue("dejaSollicite", false).putValue("mentoratsReussis", 0).putValue("rechercheElargie", false);
    }

    private static List<Map<String, Object>> rows(VariableMap facts) throws Exception {
        return ENGINE.evaluateDecisionTable(table(shipped()), facts).getResultList();
    }

    private static List<String> exclusions(VariableMap facts) throws Exception {
        return rows(facts).stream().filter(r -> "oui".equals(r.get("exclu"))).map(r -> r.get("raison").toString()).toList();
    }

    private static int points(VariableMap facts) throws Exception {
        return rows(facts).stream().filter(r -> "non".equals(r.get("exclu"))).mapToInt(r -> ((Number) r.get("points")).intValue()).sum();
    }

    @Test
    void theIdealMentorScoresSectorGoalAndPlace() throws Exception {
        assertThat(exclusions(ideal())).isEmpty();
        assertThat(points(ideal())).isEqualTo(50 + 20 + 15);
        assertThat(rows(ideal())).extracting(r -> r.get("raison"))
                .containsExactly("même secteur que le projet du jeune", "accompagne ce type de projet", "dans le département du jeune");
    }

    @Test
    void roomSuccessesAndRemoteAddPoints() throws Exception {
        assertThat(points(ideal().putValue("placesLibres", 2))).isEqualTo(85 + 5);
        assertThat(points(ideal().putValue("mentoratsReussis", 3))).isEqualTo(85 + 10);
        assertThat(points(ideal().putValue("memeDepartement", false).putValue("aDistance", true))).isEqualTo(50 + 20 + 5);
        assertThat(points(ideal().putValue("objectifAccompagne", false))).isEqualTo(65);
    }

    @Test
    void eachExclusionSaysWhy() throws Exception {
        assertThat(exclusions(ideal().putValue("dejaSollicite", true)))
                .containsExactly("a déjà décliné ou n'a pas répondu pour ce jeune");
        assertThat(exclusions(ideal().putValue("placesLibres", 0)))
                .containsExactly("plus de place : suit déjà autant de jeunes que sa capacité");
        assertThat(exclusions(ideal().putValue("memeDepartement", false)))
                .containsExactly("ni dans le département du jeune, ni à distance");
        assertThat(exclusions(ideal().putValue("memeSecteur", false))).containsExactly("autre secteur que le projet du jeune");
    }

    @Test
    void aWidenedSearchLiftsSectorAndTerritoryButNotCapacityOrAnEarlierNo() throws Exception {
        VariableMap elsewhere = ideal().putValue("memeSecteur", false).putValue("memeDepartement", false).putValue("rechercheElargie", true);
        assertThat(exclusions(elsewhere)).isEmpty();
        assertThat(points(elsewhere)).isEqualTo(20);
        assertThat(exclusions(elsewhere.putValue("placesLibres", 0))).isNotEmpty();
        assertThat(exclusions(ideal().putValue("rechercheElargie", true).putValue("dejaSollicite", true))).isNotEmpty();
    }

    @Test
    void theShippedTablePassesTheDeployCheckAndABrokenOneIsRefusedInFrench() throws Exception {
        MentorRankingCheck check = new MentorRankingCheck();
        assertThat(check.problems(ENGINE, table(shipped()))).isEmpty();

        String maybe = shipped().replace("<outputValues id=\"rankingOutputExcludedValues\">\n          <text>\"oui\",\"non\"</text>\n        </outputValues>\n", "")
                .replaceFirst("<text>\"non\"</text>", "<text>\"peut-être\"</text>");
        assertThat(check.problems(ENGINE, table(maybe))).containsExactly("chaque règle doit dire « exclu » : \"oui\" ou \"non\"");
    }
}
