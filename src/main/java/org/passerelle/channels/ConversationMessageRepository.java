package org.passerelle.channels;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationMessageRepository extends JpaRepository<ConversationMessage, Long> {

    List<ConversationMessage> findByJourneyIdOrderByCreatedAtAscIdAsc(Long journeyId);

    java.util.Optional<ConversationMessage> findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(Long journeyId,
            ConversationMessage.Direction direction, String channel);

    long deleteByJourneyId(Long journeyId);

    java.util.Optional<ConversationMessage> findByProviderMessageId(String providerMessageId);
}
