package org.passerelle.mentoring;

/** The contract of mentorMatching (processes/mentor-matching.bpmn), called from youthJourney. */
public final class MentorMatching {

    public static final String PROCESS_ID = "mentorMatching";

    private MentorMatching() {
    }

    public static final class Messages {
        /** The mentor answered the proposal through its signed link (or left the programme). */
        public static final String MENTOR_ANSWERED = "MentorAnswered";

        private Messages() {
        }
    }

    public static final class Tasks {
        public static final String CHOOSE_MENTOR = "taskProposeMentor";
        public static final String DECIDE_WITHOUT_MENTOR = "taskDecideWithoutMentor";

        private Tasks() {
        }
    }

    public static final class Vars {
        public static final String MENTOR_OPTIONS = "mentorOptions";
        /** The ranked mentors and those left out, explained in French for the mediator. */
        public static final String MENTOR_PROPOSALS = "mentorProposals";
        public static final String MENTOR_ID = "mentorId";
        /** The youth agreed that the mentor gets their contact once the mentor accepts. */
        public static final String YOUTH_CONSENT = "youthConsent";
        public static final String MENTOR_MATCH_ID = "mentorMatchId";
        public static final String MENTOR_NAME = "mentorName";
        public static final String MENTOR_ANSWER = "mentorAnswer";
        /** When no mentor fits: wait, widen the search, or another track. */
        public static final String MENTOR_DECISION = "mentorDecision";
        /** The search no longer requires the sector or the territory. */
        public static final String WIDENED_SEARCH = "widenedSearch";
        /** Returned to youthJourney. */
        public static final String OUTCOME = "mentoringOutcome";

        private Vars() {
        }
    }

    /** Values of {@link Vars#OUTCOME}, {@link Vars#MENTOR_ANSWER}, {@link Vars#MENTOR_DECISION} and the "none" choice. */
    public static final class Values {
        public static final String MATCHED = "matched";
        public static final String NO_MENTOR = "noMentor";
        public static final String ACCEPTED = "accepte";
        public static final String REFUSED = "refuse";
        /** The mentor left the programme before answering. */
        public static final String WITHDRAWN = "retire";
        public static final String NONE = "none";
        public static final String WAIT = "attendre";
        public static final String WIDEN = "elargir";
        public static final String OTHER_TRACK = "autreParcours";

        private Values() {
        }
    }
}
