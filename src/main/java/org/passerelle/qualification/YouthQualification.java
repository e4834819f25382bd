package org.passerelle.qualification;

/** The contract of youthQualification (processes/youth-qualification.bpmn): the guided first questions. */
public final class YouthQualification {

    public static final String PROCESS_ID = "youthQualification";

    private YouthQualification() {
    }

    public static final class Vars {
        public static final String JOURNEY_ID = "journeyId";
        /** The question asked last ("accord", "age"…), as "Questions au jeune" names it. */
        public static final String QUESTION = "qualificationQuestion";
        /** No question left (or the conversation cannot go on): time to thank the youth. */
        public static final String DONE = "qualificationDone";
        /** How the youth's last reply reads: one of {@link Replies}. */
        public static final String REPLY = "qualificationReply";
        /** Replies not understood to the current question. */
        public static final String ATTEMPTS = "qualificationAttempts";

        private Vars() {
        }
    }

    /** Values of {@link Vars#REPLY}. */
    public static final class Replies {
        public static final String UNDERSTOOD = "compris";
        /** Not understood: the question is asked again once, then skipped. */
        public static final String NOT_UNDERSTOOD = "incompris";
        /** "Parler à quelqu'un": a mediator takes over at once. */
        public static final String HUMAN = "humain";
        /** The youth would rather not answer questions. */
        public static final String DECLINED = "refus";
        /** A frequent question (the automatic reply answered it): the same question comes back, no attempt used. */
        public static final String FREQUENT_QUESTION = "question";
        /** The conversation cannot go on (STOP, journey closed, window passed): the questions end without a word. */
        public static final String STOPPED = "arret";

        private Replies() {
        }
    }
}
