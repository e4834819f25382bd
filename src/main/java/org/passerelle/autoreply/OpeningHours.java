package org.passerelle.autoreply;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * When a mediator will answer, said honestly in the youth's own time zone: during opening hours "dans la journée",
 * otherwise the next opening ("demain à partir de 9 h", "lundi à partir de 9 h").
 */
public final class OpeningHours {

    private OpeningHours() {
    }

    public static String whenAMediatorAnswers(Instant now, ZoneId zone, int opensAt, int closesAt) {
        ZonedDateTime local = now.atZone(zone);
        boolean workday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (workday && local.getHour() >= opensAt && local.getHour() < closesAt - 1) {
            return "dans la journée";
        }
        if (workday && local.getHour() < opensAt) {
            return "aujourd'hui à partir de " + opensAt + " h";
        }
        ZonedDateTime next = local.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        String day = next.toLocalDate().equals(local.toLocalDate().plusDays(1)) ? "demain"
                : next.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH);
        return day + " à partir de " + opensAt + " h";
    }
}
