package org.passerelle.partners;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partner services a youth can be referred to, ranked with the reasons why (and why not). */
@Service
public class PartnerDirectory {

    private final PartnerRepository partners;
    private final PartnerRouting routing;
    private final PartnerNetworks networks;

    public PartnerDirectory(PartnerRepository partners, PartnerRouting routing, PartnerNetworks networks) {
        this.networks = networks;
        this.partners = partners;
        this.routing = routing;
    }

    /**
     * @param excluded partners that already refused this youth
     * @param acceptanceRates past acceptance rate of each partner, by id
     */
    // Not read-only: the partnerRouting DMN writes its decision history (PostgreSQL refuses it in a read-only transaction).
    @Transactional
    public PartnerMatcher.Result match(YouthProfile youth, LocalDate referralDate, Collection<Long> excluded,
            Map<Long, Double> acceptanceRates) {
        int age = youth.birthDate() == null ? 18 : Period.between(youth.birthDate(), referralDate).getYears();
        var candidates = partners.findByActiveTrueOrderByNameAsc().stream().filter(p -> !excluded.contains(p.getId())).toList();
        return PartnerMatcher.match(youth, referralDate, candidates, networks.all(), routing.preferredNetworks(youth, age),
                acceptanceRates);
    }
}
