package org.passerelle.journey;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A staff task without a promise of its own (first answer, answer to a youth, attendance check) is due after the
 * programme's standard delay ({@code passerelle.journey.standard-task-due}, three days by default): every task has a
 * due date, "À traiter" lists the oldest due first on every database, and "En retard" catches the forgotten ones.
 */
class StandardDueDate implements TaskListener {

    private final JourneySettings settings;

    StandardDueDate(JourneySettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getDueDate() == null) {
            Duration delay = Duration.parse(settings.getStandardTaskDue());
            task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(delay)));
        }
    }
}
