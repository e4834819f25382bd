package org.passerelle.channels;

import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.conversation.ConversationMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.passerelle.PasserelleApplication;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.intake.YouthRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A delivery acknowledged just before the application stops is processed, once, after it restarts. */
class RestartReplayTest {

    private static ConfigurableApplicationContext start(Path database) {
        return SpringApplication.run(PasserelleApplication.class, "--spring.profiles.active=test", "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + database + ";AUTO_SERVER=FALSE",
                "--camunda.bpm.process-engine-name=restartTest", "--logging.level.root=WARN");
    }

    @Test
    void anAcknowledgedDeliveryIsProcessedOnceAfterARestart() throws Exception {
        Path database = Files.createTempDirectory("passerelle-restart").resolve("db");
        String body = MetaWebhooks.whatsAppText("wamid.restart1", "33644440001", "Pinas", "Bonjour avant la coupure");

        try (ConfigurableApplicationContext before = start(database)) {
            int port = ((ServletWebServerApplicationContext) before).getWebServer().getPort();
            assertThat(MetaWebhooks.signed(port, "/webhooks/whatsapp", body).statusCode()).isEqualTo(200);
            // Stopped here: acknowledged, not processed yet (the job executor is off in tests).
        }

        try (ConfigurableApplicationContext after = start(database)) {
            int port = ((ServletWebServerApplicationContext) after).getWebServer().getPort();
            MetaWebhooks.signed(port, "/webhooks/whatsapp", body); // and Meta redelivers it for good measure
            MetaWebhooks.processDeliveries(after.getBean(ManagementService.class),
                    after.getBean(org.passerelle.channels.inbox.IntakeTrigger.class));

            var youth = after.getBean(YouthRepository.class).findByChannelAndExternalId("whatsapp", "33644440001").orElseThrow();
            var journeys = after.getBean(JourneyRepository.class);
            assertThat(journeys.countByYouthId(youth.getId())).isOne();
            var journey = journeys.findFirstByYouthIdOrderByOpenedAtDesc(youth.getId()).orElseThrow();
            assertThat(after.getBean(ConversationMessageRepository.class).findByJourneyIdOrderByCreatedAtAscIdAsc(journey.getId()))
                    .extracting(ConversationMessage::getBody).containsExactly("Bonjour avant la coupure");
            assertThat(after.getBean(TaskService.class).createTaskQuery().processInstanceId(journey.getProcessInstanceId()).count()).isOne();
        }
    }
}
