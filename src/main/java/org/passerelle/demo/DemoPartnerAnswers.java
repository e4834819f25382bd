package org.passerelle.demo;

import java.time.Duration;
import java.time.LocalDate;
import org.passerelle.partners.PartnerRepository;
import org.passerelle.referral.PartnerAnswers;
import org.passerelle.referral.Referral;
import org.passerelle.referral.ReferralLinks;
import org.passerelle.referral.ReferralRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Plays the demo partners' part: they answer through the same signed link their email carries. */
@Component
@ConditionalOnProperty(name = "passerelle.demo.enabled", havingValue = "true")
class DemoPartnerAnswers {

    private final PartnerRepository partners;
    private final ReferralRepository referrals;
    private final ReferralLinks links;
    private final PartnerAnswers answers;

    DemoPartnerAnswers(PartnerRepository partners, ReferralRepository referrals, ReferralLinks links, PartnerAnswers answers) {
        this.partners = partners;
        this.referrals = referrals;
        this.links = links;
        this.answers = answers;
    }

    String partnerNamed(String name) {
        return partners.findAll().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow().getId().toString();
    }

    /** Accepts with an appointment in four days, or refuses for lack of places. */
    void answer(Long journeyId, boolean accepts) {
        Referral sent = referrals.findByJourneyId(journeyId).stream().filter(r -> r.getStatus() == Referral.Status.SENT)
                .findFirst().orElseThrow();
        String token = links.token(sent.getId(), sent.getLinkNonce(), Duration.ofDays(31));
        answers.answer(token, accepts, accepts ? LocalDate.now().plusDays(4) : null, accepts ? null : "pasDePlace");
    }
}
