package org.passerelle.journey;

import java.time.Clock;
import java.time.Instant;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the youth, the journey and the first message of a new contact. */
@Service
public class ContactRegistration {

    private final YouthRepository youths;
    private final JourneyRepository journeys;
    private final ConversationMessageRepository messages;
    private final Clock clock;

    public ContactRegistration(YouthRepository youths, JourneyRepository journeys,
            ConversationMessageRepository messages, Clock clock) {
        this.youths = youths;
        this.journeys = journeys;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Journey register(FirstContact contact) {
        Instant processed = clock.instant();
        Instant now = JourneyGateway.believable(contact.sentAt(), processed);
        // saveAndFlush: a concurrent twin hits the unique (channel, external_id) constraint here.
        Youth youth = youths.saveAndFlush(
                new Youth(contact.channel(), contact.externalId(), contact.firstName(), contact.campaign(), processed));
        return openJourney(youth, contact.message(), contact.messageChannel(), now);
    }

    /** A new journey for a youth we already know (their previous journey is closed). */
    @Transactional
    public Journey reopen(Youth youth, String message) {
        return openJourney(youth, message, youth.getChannel(), clock.instant());
    }

    private Journey openJourney(Youth youth, String message, String messageChannel, Instant now) {
        Journey journey = journeys.save(new Journey(youth, now));
        messages.save(ConversationMessage.inbound(journey.getId(), ConversationMessage.Kind.FIRST_CONTACT,
                messageChannel, message, now));
        return journey;
    }
}
