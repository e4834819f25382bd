package org.passerelle.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passerelle.testsupport.ModelTestEngine;

/** "Questions fréquentes" as the engine evaluates it: each row, accents and capitals aside, and messages it leaves alone. */
@Deployment(resources = "processes/frequent-questions.dmn")
class FrequentQuestionsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    @ParameterizedTest(name = "« {0} » → {1}")
    @CsvSource(delimiter = '|', value = {
            "C'est GRATUIT ?|Oui, l'accompagnement est entièrement gratuit.",
            "il faut payer combien|Oui, l'accompagnement est entièrement gratuit.",
            "Vous êtes qui ? c’est quoi ce truc|Passerelle aide les jeunes de 16 à 25 ans",
            "comment je fais pour arrêter les messages|Tu peux arrêter quand tu veux",
            "je veux parler à quelqu'un|Bien sûr : un médiateur (une vraie personne)"})
    void aFrequentQuestionGetsItsAnswer(String message, String answerStart) {
        var questions = new FrequentQuestions(engine.getProcessEngine().getDecisionService());

        assertThat(questions.answerTo(message)).hasValueSatisfying(answer -> assertThat(answer).startsWith(answerStart));
    }

    @ParameterizedTest(name = "« {0} » waits for a mediator")
    @CsvSource(delimiter = '|', value = {"Bonjour", "je cherche un travail dans la vente", "''"})
    void anythingElseWaitsForAMediator(String message) {
        var questions = new FrequentQuestions(engine.getProcessEngine().getDecisionService());

        assertThat(questions.answerTo(message)).isEmpty();
    }
}
