package org.passerelle.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** The self-test's results in plain words, and a lead's questions table checked before it is deployed. */
class SelfTestScoresTest {

    private static final List<SelfTestQuestions.Question> QUESTIONS = List.of(
            new SelfTestQuestions.Question("r1", "interets", "R", "Réparer"), new SelfTestQuestions.Question("e1", "interets", "E", "Vendre"),
            new SelfTestQuestions.Question("c1", "interets", "C", "Ranger"), new SelfTestQuestions.Question("p1", "savoirEtre", "autonomie", "Seul"),
            new SelfTestQuestions.Question("k1", "contraintes", "famille", "Enfant"));

    @Test
    void theTwoStrongestInterestsStrengthsAndConstraintsAreSaid() {
        var result = SelfTestScores.of(QUESTIONS, Map.of("r1", 3, "e1", 2, "c1", 1, "p1", 3, "k1", 2));

        assertThat(result.topInterests()).containsExactly("R", "E");
        assertThat(result.inWords()).isEqualTo("Ce qui t'attire le plus : Concret : fabriquer, réparer, bouger (bâtiment, industrie, "
                + "logistique, nature) ; Entreprenant : convaincre, organiser, diriger (commerce, vente, gestion).\n"
                + "Tes points forts : autonomie.\nÀ prendre en compte : un enfant ou un proche à charge.");
    }

    @Test
    void aYouthWhoAnswersPasDuToutEverywhereIsNotToldNothing() {
        var result = SelfTestScores.of(QUESTIONS, Map.of("r1", 0, "e1", 0, "c1", 0, "p1", 0, "k1", 0));

        assertThat(result.topInterests()).isEmpty();
        assertThat(result.inWords()).isEqualTo("Tes centres d'intérêt ne ressortent pas encore : ton médiateur t'aidera à les explorer.");
    }

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static List<String> problems(String xml) {
        return new SelfTestQuestionsCheck().problems(ENGINE, ENGINE.parseDecision(SelfTestQuestions.DECISION,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theShippedQuestionsPassAndABrokenTableIsRefusedInFrench() throws Exception {
        String shipped = Files.readString(Path.of("processes/self-test-questions.dmn"));
        assertThat(problems(shipped)).isEmpty();
        assertThat(problems(shipped.replace("<text>\"r2\"</text>", "<text>\"r1\"</text>"))).contains("le code « r1 » figure deux fois");
        assertThat(problems(shipped.replaceFirst("<text>\"R\"</text>", "<text>\"Z\"</text>")))
                .contains("« r1 » : dimension inconnue « Z » pour interets");
    }
}
