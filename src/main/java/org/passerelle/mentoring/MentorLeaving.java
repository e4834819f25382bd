package org.passerelle.mentoring;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor leaves (from their space, or erased by a programme lead or the retention): proposals waiting for them are
 * withdrawn, their mentorships end and each youth's search moves to another mentor; nothing that names them stays,
 * the row keeps its sector for the figures.
 */
@Service
public class MentorLeaving {

    private static final Logger log = LoggerFactory.getLogger(MentorLeaving.class);

    private final MentorRepository mentors;
    private final MentorProposals proposals;
    private final Mentorships mentorships;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RankMentors refreshing;
    private final Clock clock;

    public MentorLeaving(MentorRepository mentors, MentorProposals proposals, Mentorships mentorships, RuntimeService runtime,
            HistoryService history, RankMentors refreshing, Clock clock) {
        this.refreshing = refreshing;
        this.mentors = mentors;
        this.proposals = proposals;
        this.mentorships = mentorships;
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public void erase(Long mentorId) {
        Mentor mentor = mentors.findById(mentorId).orElse(null);
        if (mentor == null || mentor.getStatus() == Mentor.Status.ERASED) {
            return;
        }
        proposals.withdrawAll(mentorId);
        mentorships.mentorLeft(mentorId);
        mentorships.forgetMentor(mentorId);
        // The sign-up as the lead validated it is a variable of its validation: it goes with the mentor.
        String businessKey = "mentor-" + mentorId;
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Mentor parti", true, true));
        var historic = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(h -> h.getId()).toList();
        if (!historic.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(historic);
        }
        mentor.erase(clock.instant());
        // Searches waiting for a mediator's choice still list the mentor by name: ranked again without them.
        refreshing.refreshWaitingSearches();
        log.info("Personal data of mentor {} erased", mentorId);
    }

    /** Mentors a programme lead declined or deactivated and who mentored nobody: erased a year after signing up. */
    @Transactional
    public int forgetNeverActiveBefore(Instant limit) {
        var stale = mentors.findByStatus(Mentor.Status.INACTIVE).stream()
                .filter(m -> m.getSignedUpAt() != null && m.getSignedUpAt().isBefore(limit))
                .filter(m -> mentorships.isEmptyFor(m.getId())).toList();
        stale.forEach(m -> erase(m.getId()));
        return stale.size();
    }

    /** Sign-ups never confirmed after this date: nobody vouched for them, they go entirely. */
    @Transactional
    public int forgetUnconfirmedBefore(Instant limit) {
        var stale = mentors.findByStatus(Mentor.Status.EMAIL_TO_CONFIRM).stream()
                .filter(m -> m.getSignedUpAt() != null && m.getSignedUpAt().isBefore(limit)).toList();
        mentors.deleteAll(stale);
        return stale.size();
    }
}
