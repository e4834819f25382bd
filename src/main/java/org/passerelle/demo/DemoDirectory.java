package org.passerelle.demo;

import java.util.List;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.partners.PartnerNetworks.Network;
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
    private final PartnerNetworks networks;

    public DemoDirectory(PartnerRepository partners, PartnerNetworks networks) {
        this.partners = partners;
        this.networks = networks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void seed() {
        if (partners.count() == 0) {
            var rules = networks.all();
            partners.saveAll(List.of(
                    service(rules, "Mission Locale de Paris", PartnerNetworks.MISSION_LOCALE, "75", "contact.ml75@example.org"),
                    service(rules, "Mission Locale de Saint-Denis", PartnerNetworks.MISSION_LOCALE, "93", "contact.ml93@example.org"),
                    service(rules, "Mission Locale de Lyon", PartnerNetworks.MISSION_LOCALE, "69", "contact.ml69@example.org"),
                    service(rules, "Mission Locale de Marseille", PartnerNetworks.MISSION_LOCALE, "13", "contact.ml13@example.org"),
                    service(rules, "Mission Locale de Guadeloupe", PartnerNetworks.MISSION_LOCALE, "971", "contact.ml971@example.org"),
                    service(rules, "Mission Locale de Martinique", PartnerNetworks.MISSION_LOCALE, "972", "contact.ml972@example.org"),
                    service(rules, "Mission Locale de Guyane", PartnerNetworks.MISSION_LOCALE, "973", "contact.ml973@example.org"),
                    service(rules, "Mission Locale Sud Réunion", PartnerNetworks.MISSION_LOCALE, "974", "contact.ml974@example.org"),
                    service(rules, "Mission Locale de Mayotte", PartnerNetworks.MISSION_LOCALE, "976", "contact.ml976@example.org"),
                    service(rules, "France Travail Bobigny", PartnerNetworks.FRANCE_TRAVAIL, "93", "bobigny@example.org"),
                    service(rules, "E2C Marseille", PartnerNetworks.E2C, "13", "e2c13@example.org"),
                    service(rules, "EPIDE Lyon Meyzieu", PartnerNetworks.EPIDE, "69", "epide69@example.org"),
                    service(rules, "GEIQ Propreté Île-de-France", PartnerNetworks.GEIQ, "75", "geiq75@example.org"),
                    service(rules, "RSMA Martinique", PartnerNetworks.RSMA, "972", "rsma972@example.org"),
                    service(rules, "MFR du Beaujolais", PartnerNetworks.MFR, "69", "mfr69@example.org"),
                    service(rules, "CCI Seine-Saint-Denis — apprentissage", PartnerNetworks.CCI, "93", "cci93@example.org"),
                    service(rules, "CFA des métiers de Guadeloupe", PartnerNetworks.APPRENTISSAGE, "971", "cfa971@example.org")));
        }
    }

    /** A fictitious service (names and addresses made up) admitting youths by its network's real national rules. */
    private static Partner service(java.util.Map<String, Network> rules, String name, String network, String departement,
            String email) {
        Network rule = rules.get(network);
        return Partner.imported("demo", name, new Partner.Description(name, name, network, departement, null, email, null,
                rule.ageMin(), rule.ageMax(), null, rule.maxDiplomaLevel(), null, "dep:" + departement, null, null, null, null, true));
    }
}
