package org.passerelle.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DepartementsTest {

    @Test
    void knowsMetropolitanCorsicanAndOverseasDepartements() {
        assertThat(Departements.codes()).hasSize(101).contains("01", "2A", "2B", "75", "95", "971", "972", "973", "974", "976");
        assertThat(Departements.isValid("20")).isFalse();
        assertThat(Departements.isValid("975")).isFalse();
        assertThat(Departements.isValid(null)).isFalse();
        assertThat(Departements.nameOf("974")).isEqualTo("La Réunion");
    }

    @Test
    void overseasYouthsLiveInTheirOwnTimeZone() {
        assertThat(Departements.zoneOf("971")).isEqualTo(ZoneId.of("America/Guadeloupe"));
        assertThat(Departements.zoneOf("972")).isEqualTo(ZoneId.of("America/Martinique"));
        assertThat(Departements.zoneOf("973")).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(Departements.zoneOf("974")).isEqualTo(ZoneId.of("Indian/Reunion"));
        assertThat(Departements.zoneOf("976")).isEqualTo(ZoneId.of("Indian/Mayotte"));
        assertThat(Departements.zoneOf("93")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(Departements.zoneOf(null)).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(Departements.isOverseas("976")).isTrue();
        assertThat(Departements.isOverseas("2A")).isFalse();
    }
}
