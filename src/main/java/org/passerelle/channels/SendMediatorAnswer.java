package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/** Sends what the mediator wrote in Tasklist to the youth. */
@Component("sendMediatorAnswer")
public class SendMediatorAnswer implements JavaDelegate {

    private final JourneyRepository journeys;
    private final OutboundMessages outbound;

    public SendMediatorAnswer(JourneyRepository journeys, OutboundMessages outbound) {
        this.journeys = journeys;
        this.outbound = outbound;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        String text = (String) execution.getVariable(Vars.ANSWER_TEXT);
        outbound.send(journeys.findById(journeyId).orElseThrow(), ConversationMessage.Kind.ANSWER, text);
        // The text now lives in the conversation; the next answer form starts empty.
        execution.removeVariable(Vars.ANSWER_TEXT);
    }
}
