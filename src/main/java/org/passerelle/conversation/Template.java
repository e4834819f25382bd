package org.passerelle.conversation;

import java.util.List;

/**
 * What an automated message becomes outside the 24-hour window: the approved WhatsApp template for its purpose
 * (configured under {@code passerelle.channels.meta.templates}) and its parameters, in order ({{1}}, {{2}}…).
 */
public record Template(String purpose, List<String> parameters) {

    public static final String NUDGE = "nudge";
    public static final String APPOINTMENT = "appointment";
    public static final String APPOINTMENT_CHANGE = "appointmentChange";
    /** {{1}} first name, {{2}} the mentor's name, {{3}} the mentor's company. */
    public static final String MENTOR_INTRODUCTION = "mentorIntroduction";
    /** {{1}} first name, {{2}} the mentor's name; the youth answers 1, 2 or 3. */
    public static final String MENTORSHIP_CHECK_IN = "mentorshipCheckIn";

    public Template {
        // Meta refuses parameters with line breaks, tabs or runs of spaces, and empty ones.
        parameters = parameters.stream().map(p -> p == null || p.isBlank() ? "—" : p.replaceAll("\\s+", " ").strip()).toList();
    }

    /** The generic nudge: {{1}} = the youth's first name. */
    public static Template nudge(String firstName) {
        return new Template(NUDGE, List.of(firstName == null || firstName.isBlank() ? "à toi" : firstName));
    }
}
