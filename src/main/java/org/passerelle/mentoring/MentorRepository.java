package org.passerelle.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MentorRepository extends JpaRepository<Mentor, Long> {

    List<Mentor> findByActiveTrueOrderByLastNameAsc();

    List<Mentor> findByStatus(Mentor.Status status);

    Optional<Mentor> findByEmail(String email);

    List<Mentor> findByStatusNotOrderByLastNameAsc(Mentor.Status status);
}
