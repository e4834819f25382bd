package org.passerelle.channels.inbox;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InboxDeliveryRepository extends JpaRepository<InboxDelivery, Long> {

    long countByPlatformAndStatus(Platform platform, InboxDelivery.Status status);
}
