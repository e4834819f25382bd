package org.passerelle.actions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actions planned with a youth: created together, each run and recorded on its own. */
@Service
public class ActionPlan {

    private final JourneyActionRepository actions;
    private final ActionTypes types;
    private final Clock clock;

    public ActionPlan(JourneyActionRepository actions, ActionTypes types, Clock clock) {
        this.actions = actions;
        this.types = types;
        this.clock = clock;
    }

    /** Plans the chosen actions; unknown codes are refused so a form change cannot lose one silently. */
    @Transactional
    public List<JourneyAction> plan(Long journeyId, Collection<String> codes) {
        Instant now = clock.instant();
        List<ActionType> known = types.all();
        List<ActionType> chosen = codes.stream().distinct()
                .map(code -> known.stream().filter(type -> type.code().equals(code)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Action inconnue : " + code)))
                .toList();
        return actions.saveAll(chosen.stream()
                .map(type -> new JourneyAction(journeyId, type, now.plus(Duration.ofDays(type.defaultDueDays())), now))
                .toList());
    }

    /** The i-th action of a journey in planning order: the multi-instance loop counter picks it. */
    @Transactional(readOnly = true)
    public JourneyAction actionAt(Long journeyId, int index) {
        return actions.findByJourneyIdOrderByIdAsc(journeyId).stream()
                .skip(index).findFirst()
                .orElseThrow(() -> new IllegalStateException("No action " + index + " for journey " + journeyId));
    }

    @Transactional
    public void record(Long actionId, String outcome, String note) {
        actions.findById(actionId).orElseThrow().complete(outcome, note, clock.instant());
    }
}
