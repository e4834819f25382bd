package org.passerelle.partners;

import java.util.List;
import java.util.Map;

/** Diploma levels in order, with the words a mediator reads. */
public final class DiplomaLevels {

    static final List<String> ORDER = List.of("aucun", "capBep", "bac", "bac2", "licence", "masterPlus");
    private static final Map<String, String> LABELS = Map.of("aucun", "sans diplôme", "capBep", "CAP/BEP", "bac", "bac",
            "bac2", "bac+2", "licence", "licence", "masterPlus", "master");

    private DiplomaLevels() {
    }

    public static boolean isKnown(String level) {
        return level != null && ORDER.contains(level);
    }

    static int rank(String level) {
        return ORDER.indexOf(level);
    }

    static String label(String level) {
        return LABELS.getOrDefault(level, level);
    }
}
