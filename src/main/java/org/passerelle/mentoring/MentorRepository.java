package org.passerelle.mentoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MentorRepository extends JpaRepository<Mentor, Long> {

    List<Mentor> findByActiveTrueOrderByLastNameAsc();
}
