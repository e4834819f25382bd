package org.passerelle.partners;

import java.util.Map;

/** The French names of the partner networks. */
public final class Networks {

    private static final Map<Partner.Network, String> NAMES = Map.of(
            Partner.Network.MISSION_LOCALE, "Mission Locale", Partner.Network.FRANCE_TRAVAIL, "France Travail",
            Partner.Network.E2C, "École de la 2e chance", Partner.Network.EPIDE, "EPIDE",
            Partner.Network.CCI, "CCI", Partner.Network.GEIQ, "GEIQ", Partner.Network.MFR, "Maison familiale rurale",
            Partner.Network.RSMA, "RSMA", Partner.Network.APPRENTISSAGE, "Apprentissage (CFA)");

    private Networks() {
    }

    public static String label(Partner.Network network) {
        return NAMES.get(network);
    }
}
