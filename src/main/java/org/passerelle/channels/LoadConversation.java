package org.passerelle.channels;

import org.passerelle.conversation.MediaLinks;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.journey.YouthJourney;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.YouthJourney.Tasks;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;

/**
 * Prepares the mediator's answer task: the conversation so far, and whether an answer task is
 * already open (then the new message just joins the conversation).
 */
@Component("loadConversation")
public class LoadConversation implements JavaDelegate {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private final ConversationMessageRepository messages;
    private final TaskService taskService;
    private final java.time.Clock clock;

    private final MediaLinks media;

    public LoadConversation(ConversationMessageRepository messages, TaskService taskService, java.time.Clock clock, MediaLinks media) {
        this.messages = messages;
        this.taskService = taskService;
        this.clock = clock;
        this.media = media;
    }

    /** A media the youth sent reads as a link the mediator opens. */
    String readable(ConversationMessage message) {
        return message.getDirection() == ConversationMessage.Direction.IN ? media.readable(message.getChannel(), message.getBody())
                : message.getBody();
    }

    /** What the platform said of a message we sent, as the mediator reads it. */
    static String delivery(ConversationMessage message) {
        String status = message.getDeliveryStatus();
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "sent" -> " (envoyé)";
            case "delivered" -> " (reçu)";
            case "read" -> " (lu)";
            case "failed" -> " (NON DÉLIVRÉ : joindre le jeune autrement)";
            default -> "";
        };
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(Vars.JOURNEY_ID);
        String conversation = messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyId).stream()
                .map(m -> "[" + TIME.format(m.getCreatedAt()) + "] "
                        + (m.getDirection() == ConversationMessage.Direction.IN ? "Jeune" : "Médiateur" + delivery(m))
                        + " : " + readable(m))
                .collect(Collectors.joining("\n"));
        long openAnswerTasks = taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(Tasks.FIRST_ANSWER, Tasks.ANSWER_YOUTH)
                .count();
        // Local: each answer task has its own conversation and its own answer text.
        execution.setVariableLocal(Vars.CONVERSATION, YouthJourney.fitsAVariable(conversation, false));
        execution.setVariableLocal(Vars.ANSWER_PENDING, openAnswerTasks > 0);
        // The same promise as for a first message: an answer within 24 hours.
        execution.setVariableLocal(Vars.ANSWER_DUE, java.util.Date.from(clock.instant().plus(java.time.Duration.ofHours(24))));
        execution.setVariableLocal(Vars.ANSWER_TEXT, null);
    }
}
