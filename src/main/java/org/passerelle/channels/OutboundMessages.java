package org.passerelle.channels;

import org.passerelle.conversation.Template;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import java.time.Clock;
import org.passerelle.journey.Journey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a message reaches a youth: stored in the outbox within the process step's
 * transaction, then delivered. A delivery failure rolls the step back and the engine retries it;
 * a message the platform's rules forbid comes back FAILED.
 */
@Service
public class OutboundMessages {

    private final ConversationMessageRepository messages;
    private final ChannelRouter router;
    private final org.passerelle.journey.JourneyRepository journeys;
    private final Clock clock;

    public OutboundMessages(ConversationMessageRepository messages, ChannelRouter router,
            org.passerelle.journey.JourneyRepository journeys, Clock clock) {
        this.messages = messages;
        this.router = router;
        this.journeys = journeys;
        this.clock = clock;
    }

    @Transactional
    public ConversationMessage send(Journey journey, ConversationMessage.Kind kind, String text) {
        return send(journey, kind, text, kind == ConversationMessage.Kind.NUDGE ? Template.nudge(journey.getYouth().getFirstName()) : null);
    }

    /** The same, with the approved template this message becomes outside the 24-hour window. */
    @Transactional
    public ConversationMessage send(Journey journey, ConversationMessage.Kind kind, String text, Template template) {
        return send(journey, kind, text, template, java.util.List.of());
    }

    /** The same, offering answers the youth can tap where the platform has buttons (the text says them too). */
    @Transactional
    public ConversationMessage send(Journey journey, ConversationMessage.Kind kind, String text, Template template,
            java.util.List<String> quickReplies) {
        var youth = journey.getYouth();
        ConversationMessage outbound = ConversationMessage.outbound(journey.getId(), kind, youth.getChannel(), text, template, clock.instant());
        outbound.offer(quickReplies);
        ConversationMessage message = messages.save(outbound);
        // Only what the youth wrote on this channel opens its service window (not a lead form, say).
        var lastInbound = messages.findFirstByJourneyIdAndDirectionAndChannelOrderByCreatedAtDesc(journey.getId(),
                ConversationMessage.Direction.IN, youth.getChannel()).map(ConversationMessage::getCreatedAt).orElse(null);
        try {
            router.senderFor(youth.getChannel()).deliver(message,
                    new ChannelSender.OutboundContext(youth.getExternalId(), youth.getFirstName(), lastInbound));
        } catch (ChannelSender.NotDeliverableException forbidden) {
            // Kept as FAILED so the conversation shows it; the caller decides what replaces it.
            message.markFailed();
        }
        return message;
    }

    /** The platform refused a message sent inside the window after all: sent again as outside it (approved template). */
    @Transactional
    public void resendOutsideWindow(ConversationMessage refused) {
        var journey = journeys.findById(refused.getJourneyId()).orElse(null);
        if (journey == null) {
            return;
        }
        var youth = journey.getYouth();
        ConversationMessage again = messages.save(ConversationMessage.outbound(journey.getId(), refused.getKind(),
                youth.getChannel(), refused.getBody(), refused.template(), clock.instant()));
        try {
            router.senderFor(youth.getChannel()).deliver(again,
                    new ChannelSender.OutboundContext(youth.getExternalId(), youth.getFirstName(), null));
        } catch (ChannelSender.NotDeliverableException forbidden) {
            again.markFailed();
        }
    }
}
