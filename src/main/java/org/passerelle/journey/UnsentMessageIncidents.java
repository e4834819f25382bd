package org.passerelle.journey;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A message to a youth that still cannot leave once its retries are spent (the platform down for hours) becomes an
 * incident a lead retries from Cockpit, as any failed job; and the mediators get "Joindre le jeune autrement" with the
 * reason at once, so they know which youth is waiting.
 */
@Component
class UnsentMessageIncidents extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(UnsentMessageIncidents.class);
    static final String REASON = "Passerelle n'a pas pu envoyer ce message : la messagerie ne répond pas. "
            + "Un responsable de programme relancera l'envoi ; en attendant, joignez le jeune autrement.";

    private final ObjectProvider<JourneyGateway> gateway;

    UnsentMessageIncidents(ObjectProvider<JourneyGateway> gateway) {
        this.gateway = gateway;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new java.util.ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new FailedSendHandler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    private final class FailedSendHandler implements IncidentHandler {

        private final DefaultIncidentHandler incidents = new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE);

        @Override
        public String getIncidentHandlerType() {
            return Incident.FAILED_JOB_HANDLER_TYPE;
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = incidents.handleIncident(context, message);
            // The step that failed, not the job's: a nudge's job starts at its timer and also decides and schedules.
            if (YouthJourney.Sends.ALL.contains(context.getFailedActivityId()) && context.getExecutionId() != null) {
                tellTheMediators(context);
            }
            return incident;
        }

        /**
         * Reads what the task needs now, and gives it to the mediators only once the incident is committed, in a
         * transaction of its own: whatever fails there can neither undo the incident nor keep the job retrying.
         */
        private void tellTheMediators(IncidentContext context) {
            var execution = Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
            if (execution == null || !(execution.getVariable(YouthJourney.Vars.JOURNEY_ID) instanceof Long journeyId)) {
                return;
            }
            Object answer = execution.getVariable(YouthJourney.Vars.ANSWER_TEXT);
            String text = answer == null ? "(relance automatique)" : answer.toString();
            String processInstanceId = execution.getProcessInstanceId();
            String activityId = context.getActivityId();
            var configuration = Context.getProcessEngineConfiguration();
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> {
                        try {
                            configuration.getCommandExecutorTxRequiresNew().execute(command -> {
                                // A retried job failing again finds the mediators' task still open: no second one.
                                if (configuration.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                                        .taskDefinitionKey(YouthJourney.Tasks.REACH_YOUTH_OTHERWISE).count() == 0) {
                                    gateway.getObject().messageUndelivered(journeyId, text, REASON);
                                }
                                return null;
                            });
                        } catch (RuntimeException failed) {
                            // The incident is committed: Cockpit shows it. No personal data here, only the activity.
                            log.warn("Could not give the mediators the unsent message of activity {}: {}", activityId,
                                    failed.getClass().getSimpleName());
                        }
                    });
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            incidents.resolveIncident(context);
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            incidents.deleteIncident(context);
        }
    }
}
