package org.passerelle.journey;

/**
 * The contract of the youthJourney process (processes/youth-journey.bpmn): its id, messages and
 * variable names. Nothing else in Java spells these strings.
 */
public final class YouthJourney {

    public static final String PROCESS_ID = "youthJourney";
    /** Called when a first message waits past the escalation delay: the programme leads' task. */
    public static final String ESCALATION_PROCESS_ID = "firstAnswerEscalation";

    private YouthJourney() {
    }

    /** Message names the process waits for. */
    public static final class Messages {
        public static final String FIRST_CONTACT_RECEIVED = "FirstContactReceived";
        public static final String YOUTH_MESSAGE_RECEIVED = "YouthMessageReceived";
        public static final String YOUTH_OPTED_OUT = "YouthOptedOut";
        /** A message we sent could not be delivered (other than the closed 24-hour window). */
        public static final String MESSAGE_UNDELIVERED = "MessageUndelivered";
        /** A youth's message that may get an automatic answer (frequent question, first-message acknowledgement). */
        public static final String AUTO_REPLY_REQUESTED = "AutoReplyRequested";

        private Messages() {
        }
    }

    /** User task ids, for queries and tests. */
    public static final class Tasks {
        public static final String FIRST_ANSWER = "taskFirstAnswer";
        public static final String REACH_YOUTH_OTHERWISE = "taskReachYouthOtherwise";
        /** The leads' escalation, in its own called process (mediators have no permission on it). */
        public static final String FIRST_ANSWER_OVERDUE = "taskFirstAnswerOverdue";
        public static final String CALL_FIRST_ANSWER_ESCALATION = "callFirstAnswerEscalation";
        public static final String DIAGNOSTIC = "taskDiagnostic";
        public static final String PLAN_ACTIONS = "taskPlanActions";
        public static final String RUN_ACTION = "taskRunAction";
        public static final String PHONE_FOLLOW_UP = "taskPhoneFollowUp";
        public static final String ANSWER_YOUTH = "taskAnswerYouth";
        public static final String CLOSE_JOURNEY = "taskCloseJourney";

        private Tasks() {
        }
    }

    /** Service tasks that send a message to the youth (retried, an incident at the end). */
    public static final class Sends {
        public static final String FIRST_ANSWER = "taskSendFirstAnswer";
        public static final String ANSWER = "taskSendAnswer";
        /** Runs in its timer's job ("timerNextNudge"): a retry decides again. */
        public static final String NUDGE = "taskSendNudge";
        public static final java.util.Set<String> ALL = java.util.Set.of(FIRST_ANSWER, ANSWER, NUDGE);

        private Sends() {
        }
    }

    /** Values of {@link Vars#FOLLOW_UP_STEP}. */
    public static final class FollowUpSteps {
        public static final String WAIT = "wait";
        public static final String NUDGE = "nudge";
        public static final String PHONE_CALL = "phoneCall";
        public static final String CLOSE = "close";

        private FollowUpSteps() {
        }
    }

    /** Values of {@link Vars#TRACK}, decided by the youthSegmentation DMN. */
    public static final class Tracks {
        public static final String ORIENTATION = "orientation";
        public static final String COUP_DE_POUCE = "coupDePouce";
        public static final String MENTORAT = "mentorat";
        public static final String RELAIS_IMMEDIAT = "relaisImmediat";

        private Tracks() {
        }
    }

    /** Values of {@link Vars#OUTCOME}: how a journey ends, for reporting. */
    public static final class Outcomes {
        public static final String EMPLOI = "emploi";
        public static final String FORMATION = "formation";
        public static final String ALTERNANCE = "alternance";
        public static final String RELAIS_PARTENAIRE = "relaisPartenaire";
        public static final String SANS_NOUVELLES = "sansNouvelles";
        public static final String REFUS = "refus";
        public static final String AUTRE = "autre";

        private Outcomes() {
        }
    }

    /** Process variables: ids and routing facts; the records themselves live in JPA tables. */
    /** The engine stores a text variable in 4,000 characters: longer texts are cut, the full one stays in the conversation. */
    public static final int VARIABLE_TEXT_LIMIT = 3_900;

    /** A text shortened to fit an engine variable; {@code keepStart} keeps its beginning, otherwise its end (latest messages). */
    public static String fitsAVariable(String text, boolean keepStart) {
        if (text == null || text.length() <= VARIABLE_TEXT_LIMIT) {
            return text;
        }
        String note = " […] (texte complet dans la conversation)";
        int room = VARIABLE_TEXT_LIMIT - note.length();
        return keepStart ? text.substring(0, room) + note : "[…] " + text.substring(text.length() - room);
    }

    public static final class Vars {
        public static final String JOURNEY_ID = "journeyId";
        public static final String YOUTH_FIRST_NAME = "youthFirstName";
        public static final String CHANNEL = "channel";
        public static final String CAMPAIGN = "campaign";
        public static final String FIRST_MESSAGE = "firstMessage";
        /** When the first answer is due: the programme promises one within 24 hours of the youth's message. */
        public static final String FIRST_ANSWER_DUE = "firstAnswerDue";
        /** The escalation delay in words ("20 heures"), local to the programme leads' escalation task. */
        public static final String ESCALATION_DELAY = "escalationDelay";
        /** Local to "Choisir les actions": the action types offered, from the "Types d'action" decision. */
        public static final String ACTION_TYPE_OPTIONS = "actionTypeOptions";
        /** When an answer to a youth's later message is due (local to the answer). */
        public static final String ANSWER_DUE = "answerDue";
        /** The conversation so far, loaded for the mediator's answer tasks. */
        public static final String CONVERSATION = "conversation";
        public static final String ANSWER_TEXT = "answerText";
        /** True when an answer task is already open, so a new message only joins the conversation. */
        public static final String ANSWER_PENDING = "answerPending";

        // Written by the diagnostic form, moved into the youth's record by recordDiagnostic.
        public static final String BIRTH_DATE = "birthDate";
        public static final String DEPARTEMENT = "departement";
        /** Optional INSEE code of the youth's commune (not the postal code). */
        public static final String COMMUNE_CODE = "communeCode";
        public static final String DIPLOMA_LEVEL = "diplomaLevel";
        public static final String SITUATION = "situation";
        public static final String BARRIERS = "barriers";
        /** Recognised statuses (RQTH, ASE, QPV…), a JSON list of codes. */
        public static final String STATUSES = "statuses";
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
        /**
         * The self-test's interests (RIASEC letters, e.g. "S,A"; empty when the youth took none): a fact the
         * segmentation and the partner routing may read, as the mentor ranking does.
         */
        public static final String YOUTH_INTERESTS = "interetsJeune";
        public static final String SEGMENTATION = "segmentation";
        public static final String PERSONA = "persona";
        public static final String TRACK = "track";

        // Actions.
        public static final String PLANNED_ACTIONS = "plannedActions";
        /** The mediator's explicit "no action for now" on the action plan form. */
        public static final String NO_ACTION = "noAction";
        public static final String ACTION_COUNT = "actionCount";
        public static final String ACTION_ID = "actionId";
        public static final String ACTION_LABEL = "actionLabel";
        public static final String ACTION_DUE_DATE = "actionDueDate";
        public static final String ACTION_OUTCOME = "actionOutcome";
        public static final String ACTION_NOTE = "actionNote";

        // Follow-up.
        public static final String NEXT_NUDGE_AT = "nextNudgeAt";
        public static final String FOLLOW_UP_STEP = "followUpStep";
        /** False when the channel forbade the nudge (Messenger after 24 h): a phone call replaces it. */
        public static final String NUDGE_DELIVERED = "nudgeDelivered";
        public static final String YOUTH_REACHED = "youthReached";
        public static final String CALL_NOTE = "callNote";
        /** Local to "Message non délivré": the text, why it failed, and how else to reach the youth. */
        public static final String UNDELIVERED_TEXT = "undeliveredText";
        public static final String UNDELIVERED_REASON = "undeliveredReason";
        public static final String OTHER_CONTACTS = "otherContacts";
        public static final String UNDELIVERED_DUE = "undeliveredDue";
        /** Local to "Réponse automatique": the message and whether it opened the journey. */
        public static final String AUTO_REPLY_MESSAGE = "autoReplyMessage";
        public static final String AUTO_REPLY_FIRST = "autoReplyFirst";
        public static final String REACHED_BY = "reachedBy";


        // Call activities and closure.
        public static final String MENTORING_OUTCOME = "mentoringOutcome";
        public static final String REFERRAL_OUTCOME = "referralOutcome";
        public static final String OUTCOME = "outcome";

        /**
         * Variables that hold what a youth said or is (names, messages, diagnostic answers and what is derived
         * from them, notes): kept out of the engine's history, so erasure and retention have one place to reach.
         */
        public static final java.util.Set<String> PERSONAL = java.util.Set.of(YOUTH_FIRST_NAME, FIRST_MESSAGE,
                "conversation", "answerText", "birthDate", "communeCode", "diplomaLevel", "situation", "barriers",
                "statuses", "hasProject", "project", "projectSector", "availability", "consentContact", "consentReferral",
                "guardianConsent", "age", "barrierCount", "urgentBarrier", "projectPrecise", "actionNote", CALL_NOTE,
                "mentorProposals", "mentorName", "mentorSignUp", "partnerProposals", "mentorOptions", "partnerOptions",
                UNDELIVERED_TEXT, OTHER_CONTACTS, AUTO_REPLY_MESSAGE);

        private Vars() {
        }
    }
}
