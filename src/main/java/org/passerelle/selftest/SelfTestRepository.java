package org.passerelle.selftest;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelfTestRepository extends JpaRepository<SelfTest, Long> {

    List<SelfTest> findByJourneyId(Long journeyId);

    long deleteByJourneyId(Long journeyId);
}
