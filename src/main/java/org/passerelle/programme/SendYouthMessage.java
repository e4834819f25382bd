package org.passerelle.programme;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.channels.OutboundMessages;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Envoyer un message au jeune": the message a lead writes in the model (field "Message", {{prenom}} allowed) goes
 * to the youth on their channel, with the channel's rules (outside WhatsApp's 24-hour window, the approved
 * template). Nothing goes to a youth who stopped or whose journey is closed.
 */
@Component("sendYouthMessage")
public class SendYouthMessage implements JavaDelegate {

    /** The element template's field, an input parameter of the task. */
    public static final String MESSAGE = "message";

    private final JourneyRepository journeys;
    private final ProgrammeTexts texts;
    private final OutboundMessages outbound;

    public SendYouthMessage(JourneyRepository journeys, ProgrammeTexts texts, OutboundMessages outbound) {
        this.journeys = journeys;
        this.texts = texts;
        this.outbound = outbound;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Journey journey = journeys.findById((Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID)).orElseThrow();
        if (journey.getStatus() != Journey.Status.OPEN || journey.getYouth().getOptedOutAt() != null) {
            return;
        }
        String firstName = journey.getYouth().getFirstName();
        String text = texts.renderModelMessage((String) execution.getVariable(MESSAGE),
                Map.of("prenom", firstName == null ? "" : firstName.strip()));
        outbound.send(journey, ConversationMessage.Kind.NUDGE, text);
    }
}
