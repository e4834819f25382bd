package org.passerelle.mentoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MentorMatchRepository extends JpaRepository<MentorMatch, Long> {

    List<MentorMatch> findByJourneyId(Long journeyId);

    long countByMentorIdAndStatus(Long mentorId, MentorMatch.Status status);

    List<MentorMatch> findByMentorIdAndStatus(Long mentorId, MentorMatch.Status status);
}
