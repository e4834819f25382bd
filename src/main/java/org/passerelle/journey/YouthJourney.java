package org.passerelle.journey;

/**
 * The contract of the youthJourney process (processes/youth-journey.bpmn): its id, messages and
 * variable names. Nothing else in Java spells these strings.
 */
public final class YouthJourney {

    public static final String PROCESS_ID = "youthJourney";

    private YouthJourney() {
    }

    /** Message names the process waits for. */
    public static final class Messages {
        public static final String FIRST_CONTACT_RECEIVED = "FirstContactReceived";
        public static final String YOUTH_MESSAGE_RECEIVED = "YouthMessageReceived";
        public static final String YOUTH_OPTED_OUT = "YouthOptedOut";

        private Messages() {
        }
    }

    /** Process variables: ids and routing facts; the records themselves live in JPA tables. */
    public static final class Vars {
        public static final String JOURNEY_ID = "journeyId";
        public static final String YOUTH_FIRST_NAME = "youthFirstName";
        public static final String CHANNEL = "channel";
        public static final String CAMPAIGN = "campaign";
        public static final String FIRST_MESSAGE = "firstMessage";
        /** The conversation so far, loaded for the mediator's answer tasks. */
        public static final String CONVERSATION = "conversation";
        public static final String ANSWER_TEXT = "answerText";

        // Written by the diagnostic form, moved into the youth's record by recordDiagnostic.
        public static final String BIRTH_DATE = "birthDate";
        public static final String DEPARTEMENT = "departement";
        public static final String DIPLOMA_LEVEL = "diplomaLevel";
        public static final String SITUATION = "situation";
        public static final String BARRIERS = "barriers";
        public static final String HAS_PROJECT = "hasProject";
        public static final String PROJECT = "project";
        public static final String PROJECT_SECTOR = "projectSector";
        public static final String AVAILABILITY = "availability";
        public static final String CONSENT_CONTACT = "consentContact";
        public static final String CONSENT_REFERRAL = "consentReferral";
        public static final String GUARDIAN_CONSENT = "guardianConsent";

        // Routing facts the segmentation reads.
        public static final String AGE = "age";
        public static final String BARRIER_COUNT = "barrierCount";
        public static final String URGENT_BARRIER = "urgentBarrier";
        public static final String PROJECT_PRECISE = "projectPrecise";
        public static final String SEGMENTATION = "segmentation";
        public static final String PERSONA = "persona";
        public static final String TRACK = "track";

        // Actions.
        public static final String PLANNED_ACTIONS = "plannedActions";
        public static final String ACTION_COUNT = "actionCount";
        public static final String ACTION_ID = "actionId";
        public static final String ACTION_LABEL = "actionLabel";
        public static final String ACTION_DUE_DATE = "actionDueDate";
        public static final String ACTION_OUTCOME = "actionOutcome";
        public static final String ACTION_NOTE = "actionNote";

        // Follow-up.
        public static final String NEXT_NUDGE_AT = "nextNudgeAt";
        public static final String FOLLOW_UP_STEP = "followUpStep";
        public static final String YOUTH_REACHED = "youthReached";
        public static final String CALL_NOTE = "callNote";

        // Call activities and closure.
        public static final String MENTORING_OUTCOME = "mentoringOutcome";
        public static final String REFERRAL_OUTCOME = "referralOutcome";
        public static final String OUTCOME = "outcome";

        private Vars() {
        }
    }
}
