package org.passerelle.channels.inbox;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InboxDeliveryRepository extends JpaRepository<InboxDelivery, Long> {

    long countByPlatformAndStatus(Platform platform, InboxDelivery.Status status);

    /** The oldest delivery not applied yet: how far intake lags behind the platforms. */
    java.util.Optional<InboxDelivery> findFirstByStatusOrderByReceivedAtAsc(InboxDelivery.Status status);

    /** Deliveries not yet applied that mention this identifier (their raw body may name the youth). */
    @org.springframework.data.jpa.repository.Query("select d from InboxDelivery d where d.status = 'RECEIVED' and d.body like concat('%', :externalId, '%')")
    java.util.List<InboxDelivery> findPendingMentioning(String externalId);
}
