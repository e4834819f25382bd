package org.passerelle.journey;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyRepository extends JpaRepository<Journey, Long> {

    Optional<Journey> findFirstByYouthIdOrderByOpenedAtDesc(Long youthId);

    long countByYouthId(Long youthId);

    java.util.List<Journey> findByYouthId(Long youthId);
}
