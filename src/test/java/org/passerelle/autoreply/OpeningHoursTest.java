package org.passerelle.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a mediator answers, said in the youth's own time zone (team open Monday to Friday, 9 h to 18 h). */
class OpeningHoursTest {

    @ParameterizedTest(name = "{0} à {1} → {2}")
    @CsvSource({
            "Europe/Paris, 2026-12-02T10:00, dans la journée",
            "Europe/Paris, 2026-12-02T07:30, aujourd'hui à partir de 9 h",
            "Europe/Paris, 2026-12-02T17:30, demain à partir de 9 h",
            "Europe/Paris, 2026-12-04T20:00, lundi à partir de 9 h",
            "Europe/Paris, 2026-12-05T11:00, lundi à partir de 9 h",
            "America/Guadeloupe, 2026-12-02T23:30, demain à partir de 9 h",
            "Indian/Reunion, 2026-12-06T09:30, demain à partir de 9 h"})
    void aMediatorAnswersDuringOpeningHoursOrFromTheNextOpening(String zone, String localTime, String expected) {
        var at = LocalDateTime.parse(localTime).atZone(ZoneId.of(zone)).toInstant();

        assertThat(OpeningHours.whenAMediatorAnswers(at, ZoneId.of(zone), 9, 18)).isEqualTo(expected);
    }
}
