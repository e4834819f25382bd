package org.passerelle.autoreply;

import java.time.Clock;
import java.util.Map;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.diagnostic.Departements;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.JourneySettings;
import org.passerelle.programme.ProgrammeTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passerelle answers within seconds, at any hour: a frequent question gets the programme's answer; a first message
 * that is not one gets an honest acknowledgement saying when a mediator answers, in the youth's own time zone.
 * Anything else waits for the mediator, who always answers too.
 */
@Service
public class AutoReplies {

    private final JourneyRepository journeys;
    private final FrequentQuestions questions;
    private final ProgrammeTexts texts;
    private final OutboundMessages outbound;
    private final JourneySettings settings;
    private final Clock clock;

    public AutoReplies(JourneyRepository journeys, FrequentQuestions questions, ProgrammeTexts texts, OutboundMessages outbound,
            JourneySettings settings, Clock clock) {
        this.journeys = journeys;
        this.questions = questions;
        this.texts = texts;
        this.outbound = outbound;
        this.settings = settings;
        this.clock = clock;
    }

    /** What was sent automatically, or null when the message waits for the mediator alone. */
    @Transactional
    public String reply(Long journeyId, String message, boolean firstMessage) {
        var journey = journeys.findById(journeyId).orElseThrow();
        if (journey.getStatus() != org.passerelle.journey.Journey.Status.OPEN || journey.getYouth().getOptedOutAt() != null) {
            return null;
        }
        var youth = journey.getYouth();
        String text = questions.answerTo(message).orElse(null);
        if (text == null && firstMessage) {
            text = texts.render(ProgrammeTexts.ACKNOWLEDGEMENT, Map.of(
                    "prenom", youth.getFirstName() == null ? "" : youth.getFirstName().strip(),
                    "quand", OpeningHours.whenAMediatorAnswers(clock.instant(), Departements.zoneOf(youth.getDepartement()),
                            settings.getOpeningHour(), settings.getClosingHour())));
        }
        if (text != null) {
            outbound.send(journey, ConversationMessage.Kind.NUDGE, text);
        }
        return text;
    }
}
