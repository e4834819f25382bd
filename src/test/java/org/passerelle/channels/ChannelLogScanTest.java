package org.passerelle.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.channels.inbox.InboxDelivery;
import org.passerelle.channels.inbox.InboxDeliveryRepository;
import org.passerelle.intake.YouthRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real-shaped traffic with the job executor running: the same messages delivered twice at once and two
 * first messages of one person racing. Whatever the races log, no phone, name or text of a youth appears.
 */
// Its own engine name: the engines of cached test contexts must not replace each other in the JVM.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.process-engine-name=logScan"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ChannelLogScanTest {

    @LocalServerPort int port;
    @Autowired InboxDeliveryRepository deliveries;
    @Autowired YouthRepository youths;

    @Test
    void racingDeliveriesLogNoPersonalData(CapturedOutput output) throws Exception {
        List<String> personal = new ArrayList<>();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int youth = 0; youth < 12; youth++) {
            String phone = "2626927" + String.format("%05d", youth);
            String name = "Kélyanne" + (char) ('a' + youth);
            String first = "Je cherche une alternance en boulangerie numéro " + youth;
            String second = "Vous êtes disponibles demain matin pour " + youth;
            personal.addAll(List.of(phone, name, first, second));
            String a = MetaWebhooks.whatsAppText("wamid.scan-a-" + youth, phone, name, first);
            String b = MetaWebhooks.whatsAppText("wamid.scan-b-" + youth, phone, name, second);
            for (String body : List.of(a, a, b, b)) {
                posts.add(() -> MetaWebhooks.signed(port, "/webhooks/whatsapp", body).statusCode());
            }
        }
        var pool = Executors.newFixedThreadPool(8);
        for (var status : pool.invokeAll(posts)) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();

        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> deliveries.findAll().stream().noneMatch(d -> d.getStatus() == InboxDelivery.Status.RECEIVED));
        assertThat(youths.findByChannelAndExternalId("whatsapp", "262692700011")).isPresent();

        for (String value : personal) {
            assertThat(output.getAll()).as("the captured log").doesNotContain(value);
        }
    }
}
