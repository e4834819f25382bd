package org.passerelle.programme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeTextRepository extends JpaRepository<ProgrammeText, Long> {

    Optional<ProgrammeText> findFirstByKeyOrderByVersionDesc(String key);

    List<ProgrammeText> findByKeyOrderByVersionDesc(String key);
}
