package org.passerelle.journey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Settings of the journey that are the platform's, not the programme's (those are "Paramètres du programme"). */
@Component("journeySettings")
@ConfigurationProperties("passerelle.journey")
public class JourneySettings {

    /** ISO-8601 duration after which a staff task without a promise of its own is due. */
    private String standardTaskDue = "P3D";

    /** The mediation team's hours (youth's local time, Monday to Friday), said in automatic acknowledgements. */
    private int openingHour = 9;
    private int closingHour = 18;

    public int getOpeningHour() { return openingHour; }
    public void setOpeningHour(int openingHour) { this.openingHour = openingHour; }
    public int getClosingHour() { return closingHour; }
    public void setClosingHour(int closingHour) { this.closingHour = closingHour; }

    /** A youth's next task goes to the mediator who did the previous one. */
    private boolean sameMediator = true;

    public boolean isSameMediator() {
        return sameMediator;
    }

    public void setSameMediator(boolean sameMediator) {
        this.sameMediator = sameMediator;
    }

    public String getStandardTaskDue() {
        return standardTaskDue;
    }

    public void setStandardTaskDue(String standardTaskDue) {
        Duration.parse(standardTaskDue);
        this.standardTaskDue = standardTaskDue;
    }

}
