package org.passerelle.referral;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a first appointment as a person typed it (the partner on its page, the mediator in Tasklist): a date from
 * today (a day's margin: overseas may still be yesterday) to six months, a time, a place, maybe whom to ask for.
 * What cannot be read is refused with a French title and explanation; nothing is guessed.
 */
final class AppointmentInput {

    static final int MAX_PLACE = 300;
    static final int MAX_CONTACT = 200;

    /** Why an appointment cannot be recorded, in French. */
    static final class Refused extends Exception {
        private final String title;

        Refused(String title, String explanation) {
            super(explanation);
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    private AppointmentInput() {
    }

    static Appointment read(Object dateValue, String time, String place, String contact, LocalDate today) throws Refused {
        LocalDate date;
        try {
            date = org.passerelle.journey.FormValues.asDate(dateValue);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new Refused("Date incorrecte", "La date du rendez-vous n'est pas valide.");
        }
        if (date == null || date.isBefore(today.minusDays(1))) {
            throw new Refused("Date du rendez-vous manquante",
                    "Pour accepter, indiquez la date du premier rendez-vous proposé au jeune (aujourd'hui ou plus tard).");
        }
        if (date.isAfter(today.plusMonths(6))) {
            throw new Refused("Date trop lointaine", "Le premier rendez-vous doit avoir lieu dans les six mois.");
        }
        LocalTime at = time(time);
        if (at == null) {
            throw new Refused("Heure manquante", "Indiquez l'heure du rendez-vous (par exemple 14:30).");
        }
        if (place == null || place.isBlank() || place.length() > MAX_PLACE || !isPlain(place)
                || (contact != null && (contact.length() > MAX_CONTACT || !isPlain(contact)))) {
            throw new Refused("Lieu manquant", "Indiquez le lieu du rendez-vous (" + MAX_PLACE + " caractères au plus) "
                    + "et, si vous le souhaitez, la personne à demander (" + MAX_CONTACT + " caractères au plus).");
        }
        return new Appointment(date, at, place.strip(), contact == null || contact.isBlank() ? null : contact.strip());
    }

    /** "14:30", "14h30", "9:05". */
    private static LocalTime time(String time) {
        if (time == null || !time.strip().matches("([01]?\\d|2[0-3])[:hH][0-5]\\d")) {
            return null;
        }
        String[] parts = time.strip().split("[:hH]");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /** No control or direction-override characters in what the youth will read. */
    static boolean isPlain(String text) {
        return text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }
}
