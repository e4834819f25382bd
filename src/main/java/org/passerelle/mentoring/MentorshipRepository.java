package org.passerelle.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MentorshipRepository extends JpaRepository<Mentorship, Long> {

    long countByMentorIdAndStatus(Long mentorId, Mentorship.Status status);

    List<Mentorship> findByMentorIdAndStatus(Long mentorId, Mentorship.Status status);

    Optional<Mentorship> findFirstByJourneyIdAndStatus(Long journeyId, Mentorship.Status status);

    List<Mentorship> findByJourneyId(Long journeyId);

    List<Mentorship> findByMentorId(Long mentorId);
}
