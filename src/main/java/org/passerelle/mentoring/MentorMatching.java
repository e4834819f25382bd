package org.passerelle.mentoring;

/** The contract of mentorMatching (processes/mentor-matching.bpmn), called from youthJourney. */
public final class MentorMatching {

    public static final String PROCESS_ID = "mentorMatching";

    private MentorMatching() {
    }

    public static final class Vars {
        public static final String MENTOR_OPTIONS = "mentorOptions";
        public static final String MENTOR_ID = "mentorId";
        public static final String MENTOR_MATCH_ID = "mentorMatchId";
        public static final String MENTOR_ANSWER = "mentorAnswer";
        public static final String MENTOR_COMMENT = "mentorComment";
        /** Returned to youthJourney. */
        public static final String OUTCOME = "mentoringOutcome";

        private Vars() {
        }
    }

    /** Values of {@link Vars#OUTCOME}, {@link Vars#MENTOR_ANSWER} and the "no mentor" choice. */
    public static final class Values {
        public static final String MATCHED = "matched";
        public static final String NO_MENTOR = "noMentor";
        public static final String ACCEPTED = "accepte";
        public static final String REFUSED = "refuse";
        public static final String NONE = "none";

        private Values() {
        }
    }
}
