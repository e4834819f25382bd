package org.passerelle.followup;

/** Days after the last contact before the next nudge, given the nudges left unanswered. */
@FunctionalInterface
public interface FollowUpCadence {

    /** The decision a programme lead edits and deploys from Modeler ("Cadence des relances"). */
    String DECISION = "followUpCadence";
    String UNANSWERED_NUDGES = "unansweredNudges";
    String DAYS_AFTER_LAST_CONTACT = "daysAfterLastContact";

    long daysAfterLastContact(int unansweredNudges);
}
