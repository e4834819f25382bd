package org.passerelle.demo;

import java.util.List;
import org.passerelle.partners.Partner;
import org.passerelle.partners.NetworkRules;
import org.passerelle.partners.Partner.Network;
import org.passerelle.partners.PartnerRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Fictitious partner structures (one service of every network at least) for the demo, seeded once. */
@Component
@ConditionalOnProperty(name = "passerelle.demo.enabled", havingValue = "true")
public class DemoDirectory {

    private final PartnerRepository partners;

    public DemoDirectory(PartnerRepository partners) {
        this.partners = partners;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void seed() {
        if (partners.count() == 0) {
            partners.saveAll(List.of(
                    service("Mission Locale de Paris", Network.MISSION_LOCALE, "75", "contact.ml75@example.org"),
                    service("Mission Locale de Saint-Denis", Network.MISSION_LOCALE, "93", "contact.ml93@example.org"),
                    service("Mission Locale de Lyon", Network.MISSION_LOCALE, "69", "contact.ml69@example.org"),
                    service("Mission Locale de Marseille", Network.MISSION_LOCALE, "13", "contact.ml13@example.org"),
                    service("Mission Locale de Guadeloupe", Network.MISSION_LOCALE, "971", "contact.ml971@example.org"),
                    service("Mission Locale de Martinique", Network.MISSION_LOCALE, "972", "contact.ml972@example.org"),
                    service("Mission Locale de Guyane", Network.MISSION_LOCALE, "973", "contact.ml973@example.org"),
                    service("Mission Locale Sud Réunion", Network.MISSION_LOCALE, "974", "contact.ml974@example.org"),
                    service("Mission Locale de Mayotte", Network.MISSION_LOCALE, "976", "contact.ml976@example.org"),
                    service("France Travail Bobigny", Network.FRANCE_TRAVAIL, "93", "bobigny@example.org"),
                    service("E2C Marseille", Network.E2C, "13", "e2c13@example.org"),
                    service("EPIDE Lyon Meyzieu", Network.EPIDE, "69", "epide69@example.org"),
                    service("GEIQ Propreté Île-de-France", Network.GEIQ, "75", "geiq75@example.org"),
                    service("RSMA Martinique", Network.RSMA, "972", "rsma972@example.org"),
                    service("MFR du Beaujolais", Network.MFR, "69", "mfr69@example.org"),
                    service("CCI Seine-Saint-Denis — apprentissage", Network.CCI, "93", "cci93@example.org"),
                    service("CFA des métiers de Guadeloupe", Network.APPRENTISSAGE, "971", "cfa971@example.org")));
        }
    }

    /** A fictitious service (names and addresses made up) admitting youths by its network's real national rules. */
    private static Partner service(String name, Network network, String departement, String email) {
        NetworkRules.Rule rule = NetworkRules.of(network);
        return Partner.imported("demo", name, new Partner.Description(name, name, network, departement, null, email, null,
                rule.ageMin(), rule.ageMax(), null, rule.maxDiplomaLevel(), null, "dep:" + departement, null, null, null, null, true));
    }
}
