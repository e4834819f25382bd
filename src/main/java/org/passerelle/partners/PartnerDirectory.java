package org.passerelle.partners;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.passerelle.diagnostic.Departements;
import org.passerelle.journey.Choice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partner structures a youth can be referred to. */
@Service
public class PartnerDirectory {

    static final Choice NO_PARTNER = new Choice("Aucun partenaire adapté", "none");

    private final PartnerRepository partners;

    public PartnerDirectory(PartnerRepository partners) {
        this.partners = partners;
    }

    /**
     * Active partners, except those already excluded, those of the youth's département first.
     * An overseas youth is never offered a structure of another territory.
     */
    @Transactional(readOnly = true)
    public List<Choice> options(String departement, Collection<Long> excluded) {
        boolean overseas = Departements.isOverseas(departement);
        Stream<Choice> available = partners.findByActiveTrueOrderByNameAsc().stream()
                .filter(p -> !excluded.contains(p.getId()))
                .filter(p -> !overseas || Objects.equals(p.getDepartement(), departement))
                .sorted(Comparator.comparing((Partner p) -> !Objects.equals(p.getDepartement(), departement)))
                .map(p -> new Choice(p.getName() + " — " + Networks.label(p.getNetwork()) + " ("
                        + p.getDepartement() + ")", p.getId().toString()));
        return Stream.concat(available, Stream.of(NO_PARTNER)).toList();
    }
}
