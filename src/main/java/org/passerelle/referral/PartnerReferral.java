package org.passerelle.referral;

/** The contract of partnerReferral (processes/partner-referral.bpmn), called from youthJourney. */
public final class PartnerReferral {

    public static final String PROCESS_ID = "partnerReferral";

    private PartnerReferral() {
    }

    public static final class Messages {
        /** The partner answered through its signed link. */
        public static final String PARTNER_ANSWERED = "PartnerAnswered";

        private Messages() {
        }
    }

    /** Its user tasks. */
    public static final class Tasks {
        public static final String CHOOSE_PARTNER = "taskChoosePartner";
        public static final String REFER_DIRECTLY = "taskReferDirectly";
        public static final String CONFIRM_ATTENDANCE = "taskConfirmAttendance";
        /** The mediator follows a partner Passerelle proposed to the youth directly, and may take it back. */
        public static final String FOLLOW_AUTOMATIC = "taskFollowAutomaticReferral";

        private Tasks() {
        }
    }

    /** Its user tasks' forms. */
    public static final class Forms {
        public static final String REFER_DIRECTLY = "referDirectly";
        public static final String FOLLOW_AUTOMATIC = "followAutomaticReferral";

        private Forms() {
        }
    }

    public static final class Vars {
        public static final String PARTNER_OPTIONS = "partnerOptions";
        /** The ranked proposals and exclusions, explained in French for the mediator. */
        public static final String PARTNER_PROPOSALS = "partnerProposals";
        public static final String PARTNER_ID = "partnerId";
        /** "Orientation automatique" says Passerelle proposes the first ranked partner to the youth itself. */
        public static final String AUTOMATIC_REFERRAL = "automaticProposal";
        public static final String AUTOMATIC_PARTNER_ID = "automaticPartnerId";
        public static final String AUTOMATIC_PARTNER_NAME = "automaticPartnerName";
        /** The youth said yes to the partner proposed. */
        public static final String YOUTH_ACCEPTS = "youthAcceptsReferral";
        /** The mediator takes the automatic proposal back (the follow task's checkbox). */
        public static final String TAKE_BACK = "takeBack";
        public static final String REFERRAL_ID = "referralId";
        /** false: the partner has no email address, the mediator refers by phone or in person. */
        public static final String REFERRAL_BY_EMAIL = "referralByEmail";
        public static final String PARTNER_NAME = "partnerName";
        /** How the mediator reaches a partner without email (its phone, or in person). */
        public static final String PARTNER_CONTACT = "partnerContact";
        public static final String PARTNER_ANSWER = "partnerAnswer";
        public static final String APPOINTMENT_DATE = "appointmentDate";
        /** "14:30", the place and whom to ask for, as the partner typed them. */
        public static final String APPOINTMENT_TIME = "appointmentTime";
        public static final String APPOINTMENT_PLACE = "appointmentPlace";
        public static final String APPOINTMENT_CONTACT = "appointmentContact";
        /** The appointment as the mediator reads it ("mercredi 10 décembre 2026"). */
        public static final String APPOINTMENT_LABEL = "appointmentLabel";
        /** When the mediator should have checked the youth went: the attendance task's due date. */
        public static final String ATTENDANCE_CHECK_DUE = "attendanceCheckDue";
        /** Whether the youth got the appointment by message, as the attendance task says it. */
        public static final String YOUTH_NOTICE = "youthNotice";
        public static final String REFUSAL_REASON = "refusalReason";
        public static final String YOUTH_ATTENDED = "youthAttended";
        /** Returned to youthJourney. */
        public static final String OUTCOME = "referralOutcome";

        private Vars() {
        }
    }

    /** Values of {@link Vars#OUTCOME}, {@link Vars#PARTNER_ANSWER} and the "no partner" choice. */
    public static final class Values {
        public static final String ACCEPTED_OUTCOME = "accepted";
        public static final String REFUSED_OUTCOME = "refused";
        public static final String NO_PARTNER = "noPartner";
        public static final String EXPIRED_OUTCOME = "expired";
        public static final String NO_SHOW_OUTCOME = "noShow";
        public static final String ACCEPTED = "accepte";
        public static final String REFUSED = "refuse";
        public static final String NONE = "none";

        private Values() {
        }
    }
}
