package org.passerelle.actions;

import java.util.Arrays;
import java.util.Optional;

/** What a mediator can do with a youth; codes are the values of the planActions form. */
public enum ActionType {
    CV("cv", "Rédiger le CV", 7),
    COVER_LETTER("lettreMotivation", "Rédiger une lettre de motivation", 7),
    JOB_OFFERS("offresEmploi", "Chercher des offres d'emploi", 14),
    JOB_FAIR("salonJobDating", "Préparer un salon ou un job dating", 30),
    SKILLS_TEST("testCompetences", "Passer un test de compétences", 14),
    WORKSHOP("atelier", "Participer à un atelier", 21),
    TRAINING_SEARCH("rechercheFormation", "Chercher une formation", 21);

    private final String code;
    private final String label;
    private final int defaultDueDays;

    ActionType(String code, String label, int defaultDueDays) {
        this.code = code;
        this.label = label;
        this.defaultDueDays = defaultDueDays;
    }

    public String code() { return code; }
    public String label() { return label; }
    public int defaultDueDays() { return defaultDueDays; }

    public static Optional<ActionType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
