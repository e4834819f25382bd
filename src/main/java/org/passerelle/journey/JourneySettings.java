package org.passerelle.journey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.passerelle.modelguard.ReadableFromModels;
import org.springframework.stereotype.Component;

/** Durations of the journey, read by the BPMN as {@code ${journeySettings.firstAnswerEscalation}}. */
@Component("journeySettings")
@ReadableFromModels("firstAnswerEscalation")
@ConfigurationProperties("passerelle.journey")
public class JourneySettings {

    /** ISO-8601 duration after which an unanswered first message escalates to programme leads. */
    private String firstAnswerEscalation = "PT20H";

    /** A youth's next task goes to the mediator who did the previous one. */
    private boolean sameMediator = true;

    public boolean isSameMediator() {
        return sameMediator;
    }

    public void setSameMediator(boolean sameMediator) {
        this.sameMediator = sameMediator;
    }

    public String getFirstAnswerEscalation() {
        return firstAnswerEscalation;
    }

    public void setFirstAnswerEscalation(String firstAnswerEscalation) {
        this.firstAnswerEscalation = firstAnswerEscalation;
    }
}
