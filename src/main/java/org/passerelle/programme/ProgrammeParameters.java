package org.passerelle.programme;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.modelguard.ReadableFromModels;
import org.springframework.stereotype.Component;

/**
 * The programme's delays as the latest deployed "Paramètres du programme" decision gives them, read each time a
 * journey needs one: a programme lead changes a value in Modeler, deploys, and the next timer set uses it.
 * Models read {@code ${programmeParameters.firstAnswerEscalation}} and the like.
 */
@Component("programmeParameters")
@ReadableFromModels({"firstAnswerEscalation", "firstAnswerEscalationLabel", "referralReminderCycle", "referralExpiry",
        "referralExpiryLabel", "mentorReminder", "mentorAnswerExpiry", "mentorWait", "mentorshipFirstCheckIn",
        "mentorshipCheckInPeriod", "mentorshipDuration", "mentorshipDurationLabel", "mentorshipSilentCheckIns",
        "qualificationNudge", "qualificationGiveUp"})
public class ProgrammeParameters {

    public static final String DECISION = "programmeParameters";
    static final String FIRST_ANSWER_ESCALATION = "escaladePremierMessage";
    static final String PARTNER_REMINDER_INTERVAL = "intervalleRelancePartenaire";
    static final String PARTNER_REMINDER_COUNT = "nombreRelancesPartenaire";
    static final String REFERRAL_EXPIRY = "expirationOrientation";
    static final String MENTOR_REMINDER = "relanceMentor";
    static final String MENTOR_ANSWER_EXPIRY = "expirationPropositionMentor";
    static final String MENTOR_WAIT = "attenteNouveauxMentors";
    static final String MENTORSHIP_FIRST_CHECK_IN = "premierPointMentorat";
    static final String MENTORSHIP_CHECK_IN_PERIOD = "intervallePointsMentorat";
    static final String MENTORSHIP_SILENCE = "pointsSansReponseMentorat";
    static final String MENTORSHIP_DURATION = "dureeMentorat";
    static final String QUALIFICATION_NUDGE = "relanceQuestions";
    static final String QUALIFICATION_GIVE_UP = "abandonQuestions";
    /** Every delay of the table, as checked at deploy time. */
    static final java.util.List<String> DELAYS = java.util.List.of(FIRST_ANSWER_ESCALATION, PARTNER_REMINDER_INTERVAL,
            REFERRAL_EXPIRY, MENTOR_REMINDER, MENTOR_ANSWER_EXPIRY, MENTOR_WAIT, MENTORSHIP_FIRST_CHECK_IN,
            MENTORSHIP_CHECK_IN_PERIOD, MENTORSHIP_DURATION, QUALIFICATION_NUDGE, QUALIFICATION_GIVE_UP);
    /** Every count of the table. */
    static final java.util.List<String> COUNTS = java.util.List.of(PARTNER_REMINDER_COUNT, MENTORSHIP_SILENCE);

    private final DecisionService decisions;

    public ProgrammeParameters(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** A value and its unit, as a lead typed them. */
    record Value(long amount, String unit) {

        /** Read from a table row; null when it has no whole number or no unit. */
        static Value of(Map<String, Object> row) {
            if (row == null || !(row.get("valeur") instanceof Number amount) || !(row.get("unite") instanceof String unit)) {
                return null;
            }
            return new Value(amount.longValue(), unit);
        }

        String isoDuration(String parameter) {
            return switch (unit) {
                case "heures" -> "PT" + amount + "H";
                case "jours" -> "P" + amount + "D";
                default -> throw new IllegalStateException("Paramètres du programme : « " + parameter
                        + " » est un délai, en heures ou en jours (pas « " + unit + " »)");
            };
        }

        String words() {
            return amount + " " + (amount == 1 ? unit.replaceAll("s$", "") : unit);
        }
    }

    /** ISO-8601 duration after which an unanswered first message goes to programme leads ("PT20H"). */
    public String getFirstAnswerEscalation() {
        return value(FIRST_ANSWER_ESCALATION).isoDuration(FIRST_ANSWER_ESCALATION);
    }

    /** The same in words, for forms ("20 heures"). */
    public String getFirstAnswerEscalationLabel() {
        return value(FIRST_ANSWER_ESCALATION).words();
    }

    /** Reminders to a silent partner as a timer cycle ("R3/P5D"). */
    public String getReferralReminderCycle() {
        return "R" + value(PARTNER_REMINDER_COUNT).amount() + "/"
                + value(PARTNER_REMINDER_INTERVAL).isoDuration(PARTNER_REMINDER_INTERVAL);
    }

    /** ISO-8601 duration after which an unanswered referral expires ("P30D"). */
    public String getReferralExpiry() {
        return value(REFERRAL_EXPIRY).isoDuration(REFERRAL_EXPIRY);
    }

    public String getReferralExpiryLabel() {
        return value(REFERRAL_EXPIRY).words();
    }

    /** A silent mentor is reminded once after this delay ("P4D")… */
    public String getMentorReminder() {
        return delay(MENTOR_REMINDER);
    }

    /** … and the proposal expires after this one, counted from the reminder. */
    public String getMentorAnswerExpiry() {
        return delay(MENTOR_ANSWER_EXPIRY);
    }

    /** When no mentor is available and the mediator waits, the search resumes after this delay. */
    public String getMentorWait() {
        return delay(MENTOR_WAIT);
    }

    public String getMentorshipFirstCheckIn() {
        return delay(MENTORSHIP_FIRST_CHECK_IN);
    }

    public String getMentorshipCheckInPeriod() {
        return delay(MENTORSHIP_CHECK_IN_PERIOD);
    }

    public String getMentorshipDuration() {
        return delay(MENTORSHIP_DURATION);
    }

    public String getMentorshipDurationLabel() {
        return value(MENTORSHIP_DURATION).words();
    }

    /** Check-ins in a row without any answer after which a mentorship closes "sans nouvelles". */
    public int getMentorshipSilentCheckIns() {
        return (int) value(MENTORSHIP_SILENCE).amount();
    }

    /** A youth silent during the first questions is reminded once after this delay ("PT3H")… */
    public String getQualificationNudge() {
        return delay(QUALIFICATION_NUDGE);
    }

    /** … and the mediator takes over after this one. */
    public String getQualificationGiveUp() {
        return delay(QUALIFICATION_GIVE_UP);
    }

    private String delay(String parameter) {
        return value(parameter).isoDuration(parameter);
    }

    Value value(String parameter) {
        var context = Context.getCommandContext();
        Map<String, Object> row = context == null ? evaluate(parameter) : context.runWithoutAuthorization(() -> evaluate(parameter));
        Value value = Value.of(row);
        if (value == null || value.amount() < 0) {
            throw new IllegalStateException("La décision « Paramètres du programme » ne donne pas de valeur et d'unité pour « "
                    + parameter + " »");
        }
        return value;
    }

    private Map<String, Object> evaluate(String parameter) {
        var result = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("parametre", parameter));
        return result.isEmpty() ? null : result.getFirstResult().getEntryMap();
    }
}
