package org.passerelle.actions;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.passerelle.testsupport.ModelTestEngine;

/** "Types d'action" as the engine evaluates it: every row, in order, with its label and delay. */
@Deployment(resources = "processes/action-types.dmn")
class ActionTypesDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    @Test
    void everyRowIsAnActionWithItsLabelAndDelay() {
        var types = new ActionTypes(engine.getProcessEngine().getDecisionService());

        assertThat(types.all()).containsExactly(
                new ActionType("cv", "Rédiger le CV", 7),
                new ActionType("lettreMotivation", "Rédiger une lettre de motivation", 7),
                new ActionType("offresEmploi", "Chercher des offres d'emploi", 14),
                new ActionType("salonJobDating", "Préparer un salon ou un job dating", 30),
                new ActionType("testCompetences", "Passer un test de compétences", 14),
                new ActionType("atelier", "Participer à un atelier", 21),
                new ActionType("rechercheFormation", "Chercher une formation", 21));
        assertThat(types.ofCode("atelier")).map(ActionType::label).contains("Participer à un atelier");
        assertThat(types.ofCode("inconnue")).isEmpty();
    }
}
