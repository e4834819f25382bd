package org.passerelle.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.passerelle.journey.YouthJourney;
import org.springframework.stereotype.Component;

/**
 * The engine keeps its full history (Cockpit, figures), except the values of personal variables
 * ({@link YouthJourney.Vars#PERSONAL}) and form submissions: those live in Passerelle's tables only,
 * where erasure and retention reach them. Decisions evaluated outside a journey leave no history either.
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

    private final HistoryEventHandler database = new DbHistoryEventHandler();
    // Not a bean itself: Camunda's starter would register any HistoryEventHandler bean a second time.
    private final HistoryEventHandler filtered = new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent jobLog) {
                maskFailure(jobLog);
            }
            if (keeps(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new java.util.ArrayList<>(List.of(filtered));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** A failed job's message and stack trace may quote SQL values (a phone in a key): masked before they are stored. */
    private static void maskFailure(HistoricJobLogEvent jobLog) {
        jobLog.setJobExceptionMessage(Masking.mask(jobLog.getJobExceptionMessage()));
        if (jobLog.getExceptionByteArrayId() != null && Context.getCommandContext() != null) {
            ByteArrayEntity trace = Context.getCommandContext().getDbEntityManager()
                    .selectById(ByteArrayEntity.class, jobLog.getExceptionByteArrayId());
            if (trace != null && trace.getBytes() != null) {
                trace.setBytes(Masking.mask(new String(trace.getBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static boolean keeps(HistoryEvent event) {
        if (event instanceof HistoricFormPropertyEventEntity) {
            return false;
        }
        // A decision evaluated outside any journey (partner ranking) cannot be traced back to a youth for erasure.
        if (event instanceof HistoricDecisionEvaluationEvent decision && decision.getRootHistoricDecisionInstance() != null
                && decision.getRootHistoricDecisionInstance().getProcessInstanceId() == null) {
            return false;
        }
        return !(event instanceof HistoricVariableUpdateEventEntity variable && isPersonal(variable.getVariableName()));
    }

    static boolean isPersonal(String variableName) {
        return PERSONAL.contains(variableName);
    }

    private static final Set<String> PERSONAL = YouthJourney.Vars.PERSONAL;
}
