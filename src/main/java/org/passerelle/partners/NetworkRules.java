package org.passerelle.partners;

import java.util.Map;

/**
 * The national admission rules of each network, used when an imported service states none:
 * Missions Locales 16–25; E2C 16–25 without diploma; EPIDE 17–25 up to the bac, metropolitan France
 * only; RSMA 18–25 overseas; GEIQ under 26 up to level 4 (bac); apprenticeship 16–29; France Travail 18+.
 */
public final class NetworkRules {

    /** Ages (inclusive), highest diploma accepted, and the zone every service of the network is limited to. */
    public record Rule(Integer ageMin, Integer ageMax, String maxDiplomaLevel, String zoneLimit) {
    }

    private static final Map<Partner.Network, Rule> RULES = Map.of(
            Partner.Network.MISSION_LOCALE, new Rule(16, 25, null, null),
            Partner.Network.E2C, new Rule(16, 25, "aucun", null),
            Partner.Network.EPIDE, new Rule(17, 25, "bac", "metropole"),
            Partner.Network.RSMA, new Rule(18, 25, null, "dep:971,dep:972,dep:973,dep:974,dep:976"),
            Partner.Network.GEIQ, new Rule(16, 25, "bac", null),
            Partner.Network.APPRENTISSAGE, new Rule(16, 29, null, null),
            Partner.Network.CCI, new Rule(16, 29, null, null),
            Partner.Network.MFR, new Rule(14, 25, null, "metropole"),
            Partner.Network.FRANCE_TRAVAIL, new Rule(18, null, null, null));

    private NetworkRules() {
    }

    public static Rule of(Partner.Network network) {
        return RULES.get(network);
    }
}
