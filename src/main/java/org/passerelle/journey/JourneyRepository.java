package org.passerelle.journey;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyRepository extends JpaRepository<Journey, Long> {

    Optional<Journey> findFirstByYouthIdOrderByOpenedAtDesc(Long youthId);

    long countByYouthId(Long youthId);

    long countByStatus(Journey.Status status);

    java.util.List<Journey> findByYouthId(Long youthId);

    /** Youths not yet erased whose journeys are all closed, the last one before the limit. */
    @org.springframework.data.jpa.repository.Query("select y from org.passerelle.intake.Youth y where y.erasedAt is null "
            + "and exists (select j from Journey j where j.youth = y) "
            + "and not exists (select j from Journey j where j.youth = y and (j.status = 'OPEN' or j.closedAt >= :limit))")
    java.util.List<org.passerelle.intake.Youth> youthsWithEveryJourneyClosedBefore(java.time.Instant limit);
}
