package org.passerelle.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.passerelle.conversation.ConversationMessage;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.journey.JourneyGateway;
import org.passerelle.journey.JourneyGateway.FirstContact;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue "the youth's side at campaign scale": a first message is answered within seconds, at any hour, honestly;
 * a frequent question gets the programme's answer; anything else waits for the mediator without noise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
class AutoReplyTest {

    @Autowired JourneyGateway gateway;
    @Autowired ManagementService management;
    @Autowired ConversationMessageRepository messages;

    private void runAutoReplies(String processInstanceId) {
        management.createJobQuery().processInstanceId(processInstanceId).activityId("taskAutoReply").list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private List<String> sentTo(Long journeyId) {
        return messages.findByJourneyIdOrderByCreatedAtAscIdAsc(journeyId).stream()
                .filter(m -> m.getDirection() == ConversationMessage.Direction.OUT).map(ConversationMessage::getBody).toList();
    }

    @Test
    void aFirstMessageIsAcknowledgedWithWhenAMediatorAnswers() {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "auto-1", "Lina", "tiktok", "Bonjour, je cherche un travail"));
        runAutoReplies(started.processInstanceId());

        assertThat(sentTo(started.journeyId())).singleElement().satisfies(ack -> assertThat(ack)
                .startsWith("Merci Lina pour ton message ! Un médiateur de Passerelle (une vraie personne) te répond ")
                .containsAnyOf("dans la journée", "à partir de 9 h").contains("STOP"));
    }

    @Test
    void aFrequentQuestionIsAnsweredAtAnyHourAndOtherMessagesWaitForTheMediator() {
        var started = gateway.startFromFirstContact(new FirstContact("whatsapp", "auto-2", "Yanis", "tiktok", "C'est gratuit ?"));
        runAutoReplies(started.processInstanceId());
        assertThat(sentTo(started.journeyId())).singleElement().satisfies(answer ->
                assertThat(answer).startsWith("Oui, l'accompagnement est entièrement gratuit."));

        gateway.youthWrote(started.journeyId(), "D'accord merci, j'attends alors");
        runAutoReplies(started.processInstanceId());
        assertThat(sentTo(started.journeyId())).as("nothing automatic for an ordinary message").hasSize(1);

        gateway.youthWrote(started.journeyId(), "Et comment on fait pour arrêter ?");
        runAutoReplies(started.processInstanceId());
        assertThat(sentTo(started.journeyId())).hasSize(2).last().asString().startsWith("Tu peux arrêter quand tu veux");
    }
}
