package org.passerelle.mentoring;

/** The contract of mentorship (processes/mentorship.bpmn), called by mentorMatching once a mentor accepts. */
public final class MentorshipProcess {

    public static final String PROCESS_ID = "mentorship";

    private MentorshipProcess() {
    }

    public static final class Messages {
        /** The mentor, the youth or the mentor's leaving ends it before its term. */
        public static final String ENDED = "MentorshipEnded";

        private Messages() {
        }
    }

    public static final class Tasks {
        public static final String RECORD_OUTCOME = "taskRecordMentorshipOutcome";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String MENTORSHIP_ID = "mentorshipId";
        /** Check-ins in a row nobody answered, this one excluded. */
        public static final String SILENT_CHECK_INS = "silentCheckIns";
        /** One of {@link MentorVocabulary#OUTCOMES}; returned to mentorMatching. */
        public static final String OUTCOME = "mentorshipOutcome";
        /** One of {@link Mentorship.EndedBy}. */
        public static final String ENDED_BY = "mentorshipEndedBy";

        private Vars() {
        }
    }
}
