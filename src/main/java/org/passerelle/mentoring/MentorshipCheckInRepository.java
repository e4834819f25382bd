package org.passerelle.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MentorshipCheckInRepository extends JpaRepository<MentorshipCheckIn, Long> {

    List<MentorshipCheckIn> findByMentorshipIdOrderByAskedAtDesc(Long mentorshipId);

    Optional<MentorshipCheckIn> findFirstByMentorshipIdOrderByAskedAtDesc(Long mentorshipId);
}
