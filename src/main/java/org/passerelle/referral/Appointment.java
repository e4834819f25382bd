package org.passerelle.referral;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** A first appointment as a partner gives it, and as a youth reads it. */
public record Appointment(LocalDate date, LocalTime time, String place, String contact) {

    private static final Locale FRENCH = Locale.FRENCH;
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
            MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    /** "mardi 3 mars à 14 h 30" (the year when it is not this one), place and contact when known. */
    public String inWords(LocalDate today) {
        String day = date.format(DateTimeFormatter.ofPattern(date.getYear() == today.getYear() ? "EEEE d MMMM" : "EEEE d MMMM yyyy", FRENCH));
        String at = time == null ? "" : " à " + time.getHour() + " h" + (time.getMinute() == 0 ? "" : String.format(" %02d", time.getMinute()));
        return "le " + day + at + (place == null || place.isBlank() ? "" : ", " + place);
    }

    /** Sunday or a French public holiday (metropolitan calendar): probably a slip of the partner's. */
    public boolean isUnusualDay() {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter.plusDays(1)) || date.equals(easter.plusDays(39)) || date.equals(easter.plusDays(50));
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
