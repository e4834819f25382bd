package org.passerelle.diagnostic;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.journey.YouthJourney.Vars;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the youthSegmentation result: persona and track as plain variables and on the youth's record. */
@Component("recordSegmentation")
public class RecordSegmentation implements JavaDelegate {

    private final JourneyRepository journeys;

    public RecordSegmentation(JourneyRepository journeys) {
        this.journeys = journeys;
    }

    @Override
    @Transactional
    public void execute(DelegateExecution execution) {
        Object result = execution.getVariable(Vars.SEGMENTATION);
        String persona = field(result, "persona");
        String track = field(result, "track");
        if (track == null) {
            throw new IllegalStateException("youthSegmentation gave no track for journey " + execution.getVariable(Vars.JOURNEY_ID));
        }
        journeys.findById((Long) execution.getVariable(Vars.JOURNEY_ID)).orElseThrow().getYouth().segment(persona, track);
        execution.setVariable(Vars.PERSONA, persona);
        execution.setVariable(Vars.TRACK, track);
        execution.removeVariable(Vars.SEGMENTATION);
    }

    /** The single result arrives as a map, or as JSON once it has been stored. */
    private static String field(Object result, String name) {
        if (result instanceof Map<?, ?> map) {
            Object value = map.get(name);
            return value == null ? null : value.toString();
        }
        if (result instanceof SpinJsonNode json && json.hasProp(name)) {
            return json.prop(name).stringValue();
        }
        return null;
    }
}
