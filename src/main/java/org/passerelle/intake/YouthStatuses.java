package org.passerelle.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognised statuses a youth may have and a partner service may require: the diagnostic's
 * checklist, the directory's "publics réservés" and the matching all use these codes.
 */
public final class YouthStatuses {

    /** Code → label. The situation "etudiant" counts as a status too. */
    public static final Map<String, String> LABELS = labels();

    private YouthStatuses() {
    }

    public static boolean isKnown(String code) {
        return LABELS.containsKey(code);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("rqth", "Reconnaissance de la qualité de travailleur handicapé (RQTH)");
        labels.put("ase", "Accompagné(e) par l'aide sociale à l'enfance (ASE)");
        labels.put("qpv", "Habite un quartier prioritaire de la ville (QPV)");
        labels.put("demandeurEmploi", "Inscrit(e) à France Travail");
        labels.put("etudiant", "Étudiant(e)");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
