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
 * Rules every staff task follows, in every deployed model: they are the engine's rules, not something each model
 * must remember (nor a lead's model can remove). Mediators' tasks keep the youth's mediator ({@link SameMediator});
 * every staff task has a due date ({@link StandardDueDate}) so that "À traiter" can list the oldest promise first,
 * and shows the notes left on the youth's earlier tasks ({@link EarlierNotes}).
 */
@Component
public class StaffTaskRules extends AbstractProcessEnginePlugin {

    private final TaskListener sameMediator;
    private final TaskListener standardDueDate;
    private final TaskListener earlierNotes = new EarlierNotes();

    public StaffTaskRules(JourneySettings settings) {
        this.sameMediator = new SameMediator(settings);
        this.standardDueDate = new StandardDueDate(settings);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
                    return;
                }
                var definition = userTask.getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, standardDueDate);
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, earlierNotes);
                if (definition.getCandidateGroupIdExpressions().stream()
                        .anyMatch(group -> group.getExpressionText().contains(Roles.MEDIATORS))) {
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, sameMediator);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }
}
