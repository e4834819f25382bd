package org.passerelle.channels.inbox;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface InboxDeliveryRepository extends JpaRepository<InboxDelivery, Long> {

    long countByPlatformAndStatus(Platform platform, InboxDelivery.Status status);

    /** The oldest delivery not applied yet: how far intake lags behind the platforms. */
    java.util.Optional<InboxDelivery> findFirstByStatusOrderByReceivedAtAsc(InboxDelivery.Status status);

    /**
     * Deliveries not yet applied that mention this identifier (their raw body may name the youth). Found by position,
     * not LIKE: an identifier holding % or _ must not match other youths' deliveries.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from InboxDelivery d where d.status = 'RECEIVED' and locate(:externalId, d.body) > 0")
    List<InboxDelivery> findPendingMentioning(String externalId);

    /**
     * The delivery an intake job applies, locked until its transaction ends: an erasure that prunes it waits for the
     * job, or the job waits for the erasure and then applies what is left (PendingDeliveries).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from InboxDelivery d where d.id = :id")
    Optional<InboxDelivery> findForApplying(Long id);

    /** Received deliveries nobody holds, oldest first. */
    @Query("select d.id from InboxDelivery d where d.status = 'RECEIVED' and (d.claimedUntil is null or d.claimedUntil < :now) order by d.id")
    List<Long> findClaimable(Instant now, Pageable page);

    /**
     * Claims the given deliveries that are still free. The condition is repeated here so that a job that
     * lost the race for a row (PostgreSQL re-checks it after waiting for the row) claims nothing.
     */
    @Modifying
    @Query("update InboxDelivery d set d.claimedBy = :token, d.claimedUntil = :until where d.id in :ids and d.status = 'RECEIVED' and (d.claimedUntil is null or d.claimedUntil < :now)")
    int claim(List<Long> ids, String token, Instant until, Instant now);

    @Query("select d.id from InboxDelivery d where d.claimedBy = :token order by d.id")
    List<Long> findClaimedBy(String token);
}
