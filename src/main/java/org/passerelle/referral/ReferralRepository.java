package org.passerelle.referral;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByJourneyId(Long journeyId);

    /** Rows of (partner id, accepted count, answered count). */
    @org.springframework.data.jpa.repository.Query("select r.partnerId, sum(case when r.status = 'ACCEPTED' then 1 else 0 end), count(r) "
            + "from Referral r where r.status <> 'SENT' group by r.partnerId")
    List<Object[]> answeredByPartner();
}
