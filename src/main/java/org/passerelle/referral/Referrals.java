package org.passerelle.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.passerelle.journey.Choice;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.PartnerDirectory;
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

    /** Partners the mediator can choose for this youth: not one that already refused them. */
    @Transactional(readOnly = true)
    public List<Choice> options(Long journeyId) {
        String departement = journeys.findById(journeyId).orElseThrow().getYouth().getDepartement();
        List<Long> refused = referrals.findByJourneyId(journeyId).stream()
                .filter(r -> r.getStatus() == Referral.Status.REFUSED).map(Referral::getPartnerId).toList();
        return directory.options(departement, refused);
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
