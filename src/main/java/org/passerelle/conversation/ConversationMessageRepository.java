package org.passerelle.conversation;

import org.passerelle.conversation.ConversationMessage;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    /** Messages to youths the outbox could not send (platform rules) or the platform reported undelivered. */
    @org.springframework.data.jpa.repository.Query("select count(m) from ConversationMessage m where m.direction = 'OUT' "
            + "and m.channel = :channel and (m.status = 'FAILED' or m.deliveryStatus = 'failed')")
    long countFailedOutbound(String channel);

    List<ConversationMessage> findByJourneyIdOrderByCreatedAtAscIdAsc(Long journeyId);

    java.util.Optional<ConversationMessage> findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(Long journeyId,
            ConversationMessage.Direction direction, String channel);

    long deleteByJourneyId(Long journeyId);

    java.util.Optional<ConversationMessage> findByProviderMessageId(String providerMessageId);

    /** Whether a youth sent this media: only media of a conversation can be opened. */
    boolean existsByDirectionAndChannelAndBodyContaining(ConversationMessage.Direction direction, String channel, String mention);
}
