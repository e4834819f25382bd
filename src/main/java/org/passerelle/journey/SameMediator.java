package org.passerelle.journey;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.passerelle.security.Roles;

/**
 * A youth keeps their mediator: a new mediators' task of a journey (its called processes included) is assigned
 * to whoever completed the journey's last task, if still a mediator. Programme leads turn it off with
 * {@code passerelle.journey.same-mediator: false}.
 */
class SameMediator implements TaskListener {

    private final JourneySettings settings;

    SameMediator(JourneySettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!settings.isSameMediator() || task.getAssignee() != null || !(task.getExecution() instanceof ExecutionEntity execution)) {
            return;
        }
        String root = execution.getRootProcessInstanceId();
        CommandContext context = Context.getCommandContext();
        String previous = context.runWithoutAuthorization(() -> lastMediator(context, root));
        if (previous != null) {
            task.setAssignee(previous);
        }
    }

    private static String lastMediator(CommandContext context, String rootProcessInstanceId) {
        List<HistoricTaskInstance> done = context.getProcessEngineConfiguration().getHistoryService()
                .createHistoricTaskInstanceQuery().rootProcessInstanceId(rootProcessInstanceId).finished().taskAssigned()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 10);
        var identity = context.getProcessEngineConfiguration().getIdentityService();
        return done.stream().map(HistoricTaskInstance::getAssignee)
                .filter(user -> identity.createUserQuery().userId(user).memberOfGroup(Roles.MEDIATORS).count() > 0)
                .findFirst().orElse(null);
    }
}
