package org.passerelle.intake;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface YouthRepository extends JpaRepository<Youth, Long> {

    Optional<Youth> findByChannelAndExternalId(String channel, String externalId);
}
