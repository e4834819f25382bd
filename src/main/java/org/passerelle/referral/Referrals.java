package org.passerelle.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.intake.Youth;
import org.passerelle.partners.PartnerDirectory;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.partners.YouthProfile;
import org.passerelle.partners.PartnerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Referrals of youths to partner structures and the partners' answers. */
@Service
public class Referrals {

    private final ReferralRepository referrals;
    private final PartnerRepository partners;
    private final PartnerDirectory directory;
    private final JourneyRepository journeys;
    private final Clock clock;

    public Referrals(ReferralRepository referrals, PartnerRepository partners, PartnerDirectory directory,
            JourneyRepository journeys, Clock clock) {
        this.referrals = referrals;
        this.partners = partners;
        this.directory = directory;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** The ranked proposals for this youth, none of them a partner that already refused them. */
    @Transactional(readOnly = true)
    public PartnerMatcher.Result proposals(Long journeyId) {
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        List<Long> refused = referrals.findByJourneyId(journeyId).stream()
                .filter(r -> r.getStatus() == Referral.Status.REFUSED).map(Referral::getPartnerId).toList();
        YouthProfile profile = new YouthProfile(youth.getBirthDate(), youth.getDepartement(), null, youth.getDiplomaLevel(),
                youth.getSituation() == null ? Set.of() : Set.of(youth.getSituation()),
                youth.getBarriers() != null && (youth.getBarriers().contains("sante") || youth.getBarriers().contains("logement")
                        || youth.getBarriers().contains("justice")),
                Boolean.TRUE.equals(youth.getHasProject()), youth.getTrack());
        return directory.match(profile, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), refused, acceptanceRates());
    }

    /** Share of answered referrals each partner accepted. */
    private Map<Long, Double> acceptanceRates() {
        Map<Long, Double> rates = new HashMap<>();
        for (Object[] row : referrals.answeredByPartner()) {
            long accepted = ((Number) row[1]).longValue();
            long answered = ((Number) row[2]).longValue();
            if (answered > 0) {
                rates.put((Long) row[0], (double) accepted / answered);
            }
        }
        return rates;
    }

    @Transactional
    public Long send(Long journeyId, Long partnerId) {
        partners.findById(partnerId).filter(p -> p.isActive())
                .orElseThrow(() -> new IllegalArgumentException("Partenaire inconnu ou inactif : " + partnerId));
        return referrals.save(new Referral(journeyId, partnerId, clock.instant())).getId();
    }

    @Transactional
    public void accepted(Long referralId, LocalDate appointmentDate) {
        referrals.findById(referralId).orElseThrow().accept(appointmentDate, clock.instant());
    }

    @Transactional
    public void refused(Long referralId, String reason) {
        referrals.findById(referralId).orElseThrow().refuse(reason, clock.instant());
    }
}
