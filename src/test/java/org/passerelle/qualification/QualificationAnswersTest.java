package org.passerelle.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** A youth's own words read where reasonable, and "Questions au jeune" checked before a lead's table is deployed. */
class QualificationAnswersTest {

    private static final Year YEAR = Year.of(2026);

    private static Optional<String> read(String key, String text) {
        return QualificationAnswers.read(key, text, YEAR);
    }

    @Test
    void agesAndYearsOfBirth() {
        assertThat(read("age", "j'ai 17 ans")).contains("17");
        assertThat(read("age", "19")).contains("19");
        assertThat(read("age", "Je suis né en 2008")).contains("18");
        assertThat(read("age", "8 ans")).isEmpty();
        assertThat(read("age", "bientôt")).isEmpty();
    }

    @Test
    void departementsByNumberPostCodeOrName() {
        assertThat(read("departement", "971")).contains("971");
        assertThat(read("departement", "j'habite au 93")).contains("93");
        assertThat(read("departement", "97110 Pointe-à-Pitre")).contains("971");
        assertThat(read("departement", "75011")).contains("75");
        assertThat(read("departement", "En Guadeloupe")).contains("971");
        assertThat(read("departement", "à La Réunion")).contains("974");
        assertThat(read("departement", "seine saint denis")).contains("93");
        assertThat(read("departement", "2a")).contains("2A");
        assertThat(read("departement", "demain")).as("no Ain inside a word").isEmpty();
        assertThat(read("departement", "99")).isEmpty();
    }

    @Test
    void situationsDiplomasAndWishes() {
        assertThat(read("situation", "2")).contains("chomeur");
        assertThat(read("situation", "j'ai arrêté le lycée")).contains("decrocheur");
        assertThat(read("situation", "je suis en études")).contains("etudiant");
        assertThat(read("diplome", "un bac pro commerce")).contains("bac");
        assertThat(read("diplome", "BTS MCO")).contains("bac2");
        assertThat(read("diplome", "CAP cuisine")).contains("capBep");
        assertThat(read("diplome", "rien du tout")).contains("aucun");
        assertThat(read("diplome", "Master 2")).contains("masterPlus");
        assertThat(read("diplome", "4")).as("the list's fourth choice").contains("bac2");
        assertThat(read("situation", "Je cherche un emploi")).contains("chomeur");
        assertThat(read("situation", "J'ai arrêté l'école")).contains("decrocheur");
        assertThat(read("situation", "Rien en ce moment")).contains("inactif");
        assertThat(read("souhait", "Un emploi")).contains("emploi");
        assertThat(read("souhait", "je veux faire une alternance")).contains("alternance");
        assertThat(read("souhait", "Je ne sais pas")).contains("indecis");
        assertThat(read("souhait", "bof")).isEmpty();
        assertThat(read("accord", "Oui")).contains("oui");
        assertThat(read("accord", "plus tard")).contains("non");
        assertThat(read("disponibilite", "  les   après-midi ")).contains("les après-midi");
    }

    @Test
    void aPersonIsAskedForInManyWays() {
        assertThat(QualificationAnswers.asksForAHuman("Parler à quelqu'un")).isTrue();
        assertThat(QualificationAnswers.asksForAHuman("je veux un conseiller")).isTrue();
        assertThat(QualificationAnswers.asksForAHuman("appelez-moi")).isTrue();
        assertThat(QualificationAnswers.asksForAHuman("17")).isFalse();
    }

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static java.util.List<String> problems(String xml) {
        return new QualificationQuestionsCheck().problems(ENGINE, ENGINE.parseDecision(QualificationQuestions.DECISION,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theShippedQuestionsPassAndALeadsBrokenTableIsRefusedInFrench() throws Exception {
        String shipped = Files.readString(Path.of("processes/qualification-questions.dmn"));
        assertThat(problems(shipped)).isEmpty();
        assertThat(problems(shipped.replace("<text>\"age\"</text>", "<text>\"pointure\"</text>")))
                .anyMatch(p -> p.startsWith("clé inconnue « pointure »"));
        assertThat(problems(shipped.replace("\"Un emploi|Une formation|Je ne sais pas\"", "\"Un emploi|Une formation|Je ne sais pas du tout|Autre\"")))
                .contains("« souhait » : au plus dix réponses à toucher, de 20 caractères chacune");
        assertThat(problems(shipped.replace("<text>\"accord\"</text>", "<text>\"disponibilite\"</text>")))
                .contains("la première question doit demander l'accord du jeune (clé « accord »)", "la question « disponibilite » figure deux fois");
    }
}
