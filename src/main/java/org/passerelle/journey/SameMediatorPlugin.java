package org.passerelle.journey;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.passerelle.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Adds {@link SameMediator} to every user task offered to mediators, in every deployed model: continuity is
 * the engine's rule, not something each model must remember (nor a lead's model can remove).
 */
@Component
public class SameMediatorPlugin extends AbstractProcessEnginePlugin {

    private final TaskListener sameMediator;

    public SameMediatorPlugin(JourneySettings settings) {
        this.sameMediator = new SameMediator(settings);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
                        && userTask.getTaskDefinition().getCandidateGroupIdExpressions().stream()
                                .anyMatch(group -> group.getExpressionText().contains(Roles.MEDIATORS))) {
                    userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, sameMediator);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
