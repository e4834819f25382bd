package org.passerelle.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.passerelle.actions.JourneyActionRepository;
import org.passerelle.conversation.ConversationMessageRepository;
import org.passerelle.channels.inbox.PendingDeliveries;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthAliasRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request: a youth's conversation, diagnostic answers, notes and every process instance
 * (running and historic, with their variables) are deleted; the youth row stays, anonymous, so the
 * programme's figures (channel, campaign, territory, track, outcome) still add up.
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final JourneyRepository journeys;
    private final ConversationMessageRepository messages;
    private final JourneyActionRepository actions;
    private final PendingDeliveries pendingDeliveries;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final YouthAliasRepository aliases;
    private final org.passerelle.mentoring.Mentorships mentoring;
    private final org.passerelle.selftest.SelfTests selfTests;
    private final Clock clock;

    public Erasure(YouthAliasRepository aliases, JourneyRepository journeys, ConversationMessageRepository messages, JourneyActionRepository actions,
            PendingDeliveries pendingDeliveries, RuntimeService runtimeService, HistoryService historyService,
            org.passerelle.mentoring.Mentorships mentoring, org.passerelle.selftest.SelfTests selfTests, Clock clock) {
        this.mentoring = mentoring;
        this.selfTests = selfTests;
        this.journeys = journeys;
        this.messages = messages;
        this.actions = actions;
        this.pendingDeliveries = pendingDeliveries;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.aliases = aliases;
        this.clock = clock;
    }

    /** Erases the youth of this journey, across all their journeys. False when the journey is unknown. */
    @Transactional
    public boolean eraseYouthOf(Long journeyId) {
        var found = journeys.findById(journeyId);
        if (found.isEmpty()) {
            return false;
        }
        erase(found.get().getYouth());
        return true;
    }

    /**
     * Retention: youths whose journeys all closed before this date are erased. Returns how many.
     */
    @Transactional
    public int eraseClosedBefore(java.time.Instant limit) {
        List<Youth> expired = journeys.youthsWithEveryJourneyClosedBefore(limit);
        expired.forEach(this::erase);
        return expired.size();
    }

    private void erase(Youth youth) {
        // First, before anything else is locked: acknowledged but not applied yet, this person's events leave the
        // stored payloads (the others' stay). A delivery an intake job is applying now is waited for, and what it
        // created is erased below; a job that comes later applies the pruned payload.
        pendingDeliveries.forget(youth.getChannel(), youth.getExternalId(), clock.instant());
        aliases.aliasesOf(youth.getChannel(), youth.getExternalId())
                .forEach(alias -> pendingDeliveries.forget(youth.getChannel(), alias, clock.instant()));
        for (Journey journey : journeys.findByYouthId(youth.getId())) {
            String instanceId = journey.getProcessInstanceId();
            if (instanceId != null) {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                    runtimeService.deleteProcessInstance(instanceId, "Effacement à la demande du jeune", true, true);
                }
                // Processes started beside the journey under its key (the guided first questions).
                String key = journey.getId().toString();
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                        .filter(p -> !p.getId().equals(instanceId))
                        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "Effacement à la demande du jeune", true, true));
                // Called processes, and theirs (a mentorship is called by the mentor search).
                List<String> historic = new ArrayList<>(List.of(instanceId));
                historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                        .map(HistoricProcessInstance::getId).filter(id -> !historic.contains(id)).forEach(historic::add);
                for (int i = 0; i < historic.size(); i++) {
                    historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(historic.get(i)).list().stream()
                            .map(HistoricProcessInstance::getId).filter(id -> !historic.contains(id)).forEach(historic::add);
                }
                // Decision inputs (age, statuses…) and the operation log may name the youth: they go too.
                for (String processInstanceId : historic) {
                    historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).list()
                            .forEach(d -> historyService.deleteHistoricDecisionInstanceByInstanceId(d.getId()));
                    historyService.createUserOperationLogQuery().processInstanceId(processInstanceId).list()
                            .forEach(entry -> historyService.deleteUserOperationLogEntry(entry.getId()));
                }
                historyService.deleteHistoricProcessInstancesIfExists(historic);
            }
            messages.deleteByJourneyId(journey.getId());
            mentoring.forgetYouth(journey.getId());
            selfTests.forgetYouth(journey.getId());
            actions.findByJourneyIdOrderByIdAsc(journey.getId()).forEach(a -> a.eraseNote());
            if (journey.getStatus() == Journey.Status.OPEN) {
                // Asking for erasure ends the accompaniment, like a STOP.
                journey.close(org.passerelle.journey.YouthJourney.Outcomes.REFUS, clock.instant());
            }
        }
        aliases.deleteByChannelAndExternalId(youth.getChannel(), youth.getExternalId());
        youth.erase(clock.instant());
        log.info("Personal data of youth {} erased ({} journeys)", youth.getId(), journeys.countByYouthId(youth.getId()));
    }
}
