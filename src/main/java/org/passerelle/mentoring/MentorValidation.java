package org.passerelle.mentoring;

/** The contract of mentorValidation (processes/mentor-validation.bpmn): a programme lead validates a sign-up. */
public final class MentorValidation {

    public static final String PROCESS_ID = "mentorValidation";

    private MentorValidation() {
    }

    public static final class Tasks {
        public static final String VALIDATE = "taskValidateMentor";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String MENTOR_ID = "signUpMentorId";
        /** The sign-up as the lead reads it. */
        public static final String SIGN_UP = "mentorSignUp";
        public static final String DECISION = "mentorValidation";
        public static final String ACCEPT = "valider";
        public static final String REFUSE = "refuser";

        private Vars() {
        }
    }
}
