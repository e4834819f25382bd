package org.passerelle.mentoring;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.passerelle.journey.Choice;
import org.passerelle.journey.YouthJourney;
import org.passerelle.mentoring.MentorMatching.Values;
import org.passerelle.mentoring.MentorMatching.Vars;
import org.springframework.stereotype.Component;

/** Ranks the mentors for this youth, with why each is proposed and why others are not; until one accepts, "no mentor". */
@Component("rankMentors")
public class RankMentors implements JavaDelegate {

    private final MentorRanking ranking;
    private final org.camunda.bpm.engine.TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;

    public RankMentors(MentorRanking ranking, org.camunda.bpm.engine.TaskService tasks, org.camunda.bpm.engine.RuntimeService runtime) {
        this.ranking = ranking;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** Every search waiting for a mediator's choice is ranked again (a mentor left: their name must go). */
    public void refreshWaitingSearches() {
        for (var task : tasks.createTaskQuery().processDefinitionKey(MentorMatching.PROCESS_ID)
                .taskDefinitionKey(MentorMatching.Tasks.CHOOSE_MENTOR).list()) {
            Long journeyId = (Long) runtime.getVariable(task.getProcessInstanceId(), YouthJourney.Vars.JOURNEY_ID);
            boolean widened = Boolean.TRUE.equals(runtime.getVariable(task.getProcessInstanceId(), Vars.WIDENED_SEARCH));
            MentorRanking.Result result = ranking.rank(journeyId, widened);
            runtime.setVariables(task.getProcessInstanceId(), java.util.Map.of(Vars.MENTOR_OPTIONS, options(result),
                    Vars.MENTOR_PROPOSALS, MentorProposalText.of(result, widened)));
        }
    }

    private static Object options(MentorRanking.Result result) {
        List<Choice> options = new ArrayList<>();
        result.proposals().forEach(p -> options.add(new Choice(p.mentor().fullName() + " — " + p.mentor().getCompany()
                + " (" + MentorVocabulary.label(MentorVocabulary.SECTORS, p.mentor().getSector()) + ")", p.mentor().getId().toString())));
        options.add(new Choice("Aucun mentor ne convient", Values.NONE));
        return Choice.asFormValues(options);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long journeyId = (Long) execution.getVariable(YouthJourney.Vars.JOURNEY_ID);
        boolean widened = Values.WIDEN.equals(execution.getVariable(Vars.MENTOR_DECISION))
                || Boolean.TRUE.equals(execution.getVariable(Vars.WIDENED_SEARCH));
        MentorRanking.Result result = ranking.rank(journeyId, widened);
        execution.setVariable(Vars.MENTOR_OPTIONS, options(result));
        execution.setVariable(Vars.MENTOR_PROPOSALS, MentorProposalText.of(result, widened));
        execution.setVariable(Vars.WIDENED_SEARCH, widened);
        execution.setVariable(Vars.OUTCOME, Values.NO_MENTOR);
        execution.removeVariable(Vars.MENTOR_ID);
        execution.removeVariable(Vars.MENTOR_DECISION);
    }
}
