package org.passerelle.actions;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyActionRepository extends JpaRepository<JourneyAction, Long> {


    List<JourneyAction> findByJourneyIdOrderByIdAsc(Long journeyId);
}
