package org.passerelle.referral;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed reasons a partner gives when refusing a referral: value stored → what people read. */
public final class RefusalReasons {

    public static final Map<String, String> LABELS = labels();

    private RefusalReasons() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("horsCriteres", "Hors critères");
        labels.put("pasDePlace", "Pas de place");
        labels.put("jeuneInjoignable", "Jeune injoignable");
        labels.put("autre", "Autre");
        return java.util.Collections.unmodifiableMap(labels);
    }
}
