package org.passerelle.mentoring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.passerelle.web.MediatorInputException;
import org.springframework.stereotype.Component;

/** A mentor who paused or left since the list was made cannot be proposed: the task stays, with the reason. */
@Component("checkMentorChoice")
public class CheckMentorChoice implements TaskListener {

    private final MentorRepository mentors;

    public CheckMentorChoice(MentorRepository mentors) {
        this.mentors = mentors;
    }

    @Override
    public void notify(DelegateTask task) {
        Object chosen = task.getVariable(MentorMatching.Vars.MENTOR_ID);
        if (chosen == null || MentorMatching.Values.NONE.equals(chosen.toString())) {
            return;
        }
        boolean available;
        try {
            available = mentors.findById(Long.valueOf(chosen.toString())).map(Mentor::isActive).orElse(false);
        } catch (NumberFormatException notAMentor) {
            available = false;
        }
        if (!available) {
            throw new MediatorInputException("Ce mentor n'est plus disponible (en pause ou parti) : choisissez-en un autre, "
                    + "ou « Aucun mentor ne convient ».");
        }
    }
}
