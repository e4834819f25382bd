package org.passerelle.mentoring;

import java.util.LinkedHashMap;
import java.util.Map;

/** The words of mentoring a mentor, a lead and a mediator choose from: codes stored, French labels shown. */
public final class MentorVocabulary {

    /** The diagnostic's project sectors (diagnostic.form, projectSector). */
    public static final Map<String, String> SECTORS = ordered("numerique", "Numérique", "sante", "Santé", "btp", "BTP",
            "commerce", "Commerce", "tourisme", "Tourisme, hôtellerie, restauration", "industrie", "Industrie",
            "transport", "Transport, logistique", "social", "Social, aide à la personne", "agriculture", "Agriculture",
            "autre", "Autre");

    public static final Map<String, String> HELPS = ordered("cv", "CV et lettre", "entretien", "Entretien blanc",
            "reseau", "Réseau et contacts", "decouverte", "Découverte du métier");

    public static final Map<String, String> GOALS = ordered("stage", "Stage", "alternance", "Alternance",
            "emploi", "Premier emploi");

    /** How a mentorship ends, as the figures count it. */
    public static final Map<String, String> OUTCOMES = ordered("stage", "Stage trouvé", "alternance", "Alternance trouvée",
            "emploi", "Emploi trouvé", "formation", "Entrée en formation", "abandon", "Abandon",
            "sansNouvelles", "Sans nouvelles", "mentorParti", "Mentor parti en cours de route");

    /** The outcomes a mentor or a mediator may choose (the others are Passerelle's own). */
    public static final Map<String, String> CHOSEN_OUTCOMES = ordered("stage", "Stage trouvé", "alternance", "Alternance trouvée",
            "emploi", "Emploi trouvé", "formation", "Entrée en formation", "abandon", "Abandon");

    public static final Map<String, String> DECLINE_REASONS = ordered("indisponible", "Pas disponible en ce moment",
            "secteur", "Projet trop éloigné de mon métier", "distance", "Trop loin pour se rencontrer", "autre", "Autre raison");

    private MentorVocabulary() {
    }

    public static String label(Map<String, String> vocabulary, String code) {
        return code == null ? "" : vocabulary.getOrDefault(code, code);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
