package org.passerelle.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.passerelle.channels.inbox.InboxDelivery;
import org.passerelle.channels.inbox.InboxDeliveryRepository;
import org.passerelle.channels.inbox.IntakeTrigger;
import org.passerelle.channels.inbox.Platform;
import org.passerelle.channels.inbox.WebhookDelivery;
import org.passerelle.channels.inbox.WebhookIntake;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.JourneyRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhooks answer after one insert; batch jobs apply the stored deliveries, each on its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeBatchesTest {

    @LocalServerPort int port;
    @Autowired InboxDeliveryRepository deliveries;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired IntakeTrigger intakeTrigger;
    @Autowired YouthRepository youths;
    @Autowired JourneyRepository journeys;
    @Autowired TransactionTemplate transactions;

    @Test
    void deliveriesAreAcknowledgedWithoutAProcessEachAndAppliedByFewBatchJobs() {
        long deliveryProcessesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(WebhookDelivery.PROCESS_ID).count();

        for (int i = 0; i < 6; i++) {
            var response = MetaWebhooks.signed(port, "/webhooks/whatsapp",
                    MetaWebhooks.whatsAppText("wamid.intake-batch" + i, "3361222000" + i, "Lot", "Bonjour"));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        awaitTriggerIdle();

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WebhookDelivery.PROCESS_ID).count())
                .isEqualTo(deliveryProcessesBefore);
        assertThat(managementService.createJobQuery().processDefinitionKey(WebhookIntake.PROCESS_ID).messages().count())
                .isBetween(1L, 6L);
        MetaWebhooks.processDeliveries(managementService, intakeTrigger);
        for (int i = 0; i < 6; i++) {
            var youth = youths.findByChannelAndExternalId("whatsapp", "3361222000" + i).orElseThrow();
            assertThat(journeys.countByYouthId(youth.getId())).isOne();
        }
    }

    @Test
    void aDeliveryThatFailsLeavesItsBatchForItsOwnRetriedJobWhileTheOthersTakeEffect() {
        Long broken = transactions.execute(status -> deliveries.save(
                InboxDelivery.received(Platform.WHATSAPP, "{ pas du JSON", Instant.now())).getId());
        MetaWebhooks.signed(port, "/webhooks/whatsapp", MetaWebhooks.whatsAppText("wamid.intake-batch-ok", "33612220099", "Lot", "Salut"));
        awaitTriggerIdle();
        try {
            for (Job job : managementService.createJobQuery().processDefinitionKey(WebhookIntake.PROCESS_ID).messages().executable().list()) {
                managementService.executeJob(job.getId());
            }

            assertThat(youths.findByChannelAndExternalId("whatsapp", "33612220099")).isPresent();
            InboxDelivery handedOff = deliveries.findById(broken).orElseThrow();
            assertThat(handedOff.getStatus()).isEqualTo(InboxDelivery.Status.RECEIVED);
            assertThat(handedOff.getClaimedBy()).isEqualTo(InboxDelivery.HANDED_OFF);
            var own = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("delivery-" + broken).singleResult();
            assertThat(own).isNotNull();
            Job retried = managementService.createJobQuery().processInstanceId(own.getId()).singleResult();
            assertThatThrownBy(() -> managementService.executeJob(retried.getId())).isInstanceOf(RuntimeException.class);
            assertThat(managementService.createJobQuery().jobId(retried.getId()).singleResult().getRetries()).isEqualTo(4);
            // Later batches leave it to its own job.
            runtimeService.startProcessInstanceByMessage(WebhookIntake.MESSAGE_DELIVERIES_STORED);
            MetaWebhooks.processDeliveries(managementService, intakeTrigger);
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("delivery-" + broken).count()).isOne();
        } finally {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("delivery-" + broken).list()
                    .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
            forget(broken);
        }
    }

    @Test
    void aClaimLeftByADeadNodeIsTakenAgainOnceItExpiresNotBefore() {
        Long expired = stored("wamid.deadnode1", "33612220101");
        Long held = stored("wamid.deadnode2", "33612220102");
        Instant now = Instant.now();
        transactions.executeWithoutResult(status -> {
            deliveries.claim(List.of(expired), "noeud-arrete", now.minusSeconds(1), now);
            deliveries.claim(List.of(held), "noeud-vivant", now.plusSeconds(3600), now);
        });
        try {
            runtimeService.startProcessInstanceByMessage(WebhookIntake.MESSAGE_DELIVERIES_STORED);
            MetaWebhooks.processDeliveries(managementService, intakeTrigger);

            assertThat(deliveries.findById(expired).orElseThrow().getStatus()).isEqualTo(InboxDelivery.Status.PROCESSED);
            assertThat(youths.findByChannelAndExternalId("whatsapp", "33612220101")).isPresent();
            assertThat(deliveries.findById(held).orElseThrow().getStatus()).isEqualTo(InboxDelivery.Status.RECEIVED);
            assertThat(youths.findByChannelAndExternalId("whatsapp", "33612220102")).isEmpty();
        } finally {
            forget(held);
        }
    }

    private Long stored(String messageId, String waId) {
        return transactions.execute(status -> deliveries.save(InboxDelivery.received(Platform.WHATSAPP,
                MetaWebhooks.whatsAppText(messageId, waId, "Lot", "Bonjour"), Instant.now())).getId());
    }

    /** Leaves no received delivery behind for the other tests' batches. */
    private void forget(Long deliveryId) {
        transactions.executeWithoutResult(status -> deliveries.findById(deliveryId).ifPresent(d -> {
            d.processed(Instant.now(), "test");
            deliveries.save(d);
        }));
    }

    private void awaitTriggerIdle() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !intakeTrigger.isStarting());
    }
}
