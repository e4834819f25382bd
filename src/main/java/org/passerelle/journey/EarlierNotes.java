package org.passerelle.journey;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Comment;

/**
 * A new staff task shows, in its description (Tasklist's "Description" tab), the notes colleagues left on the
 * youth's earlier tasks, newest first, from the journey and the processes it called: a note written on the first
 * answer is still read by whoever makes the referral.
 */
class EarlierNotes implements TaskListener {

    static final int SHOWN = 10;
    private static final int MAX_LENGTH = 3900;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.of("Europe/Paris"));

    @Override
    public void notify(DelegateTask task) {
        if (!(task.getExecution() instanceof ExecutionEntity execution)) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        String notes = context.runWithoutAuthorization(() -> notesOf(context, execution.getRootProcessInstanceId()));
        if (!notes.isEmpty()) {
            String text = "Notes de l'équipe sur ce jeune (les plus récentes d'abord) :\n" + notes;
            task.setDescription(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text);
        }
    }

    private static String notesOf(CommandContext context, String rootProcessInstanceId) {
        var engine = context.getProcessEngineConfiguration();
        List<String> instances = new ArrayList<>();
        instances.add(rootProcessInstanceId);
        engine.getHistoryService().createHistoricProcessInstanceQuery().rootProcessInstanceId(rootProcessInstanceId).list()
                .stream().map(HistoricProcessInstance::getId).filter(id -> !id.equals(rootProcessInstanceId)).forEach(instances::add);
        List<Comment> comments = new ArrayList<>();
        instances.forEach(id -> comments.addAll(engine.getTaskService().getProcessInstanceComments(id)));
        return comments.stream().sorted(Comparator.comparing(Comment::getTime).reversed()).limit(SHOWN)
                .map(c -> "- " + WHEN.format(c.getTime().toInstant()) + ", " + c.getUserId() + " : " + c.getFullMessage())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
