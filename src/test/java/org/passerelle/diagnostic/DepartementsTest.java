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
        assertThat(Departements.nameOf("2B")).isEqualTo("Haute-Corse");
        assertThat(Departements.nameOf("20")).isNull();
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
        assertThat(Departements.codes().stream().filter(Departements::isOverseas))
                .containsExactlyInAnyOrder("971", "972", "973", "974", "976");
        assertThat(Departements.zoneOf("2A")).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void anUnknownDepartementIsAnswerableNotAnError() {
        // Immutable maps throw on null keys: a youth without a diagnostic yet must not.
        assertThat(Departements.isOverseas(null)).isFalse();
        assertThat(Departements.nameOf(null)).isNull();
        assertThat(Departements.regionOf(null)).isNull();
        assertThat(Departements.regionOf("974")).isEqualTo("04");
    }

    @Test
    void communeCodesBelongToTheirDepartement() {
        assertThat(Departements.isCommuneOf("93066", "93")).isTrue();
        assertThat(Departements.isCommuneOf("97411", "974")).isTrue();
        assertThat(Departements.isCommuneOf("2B033", "2B")).isTrue();
        assertThat(Departements.isCommuneOf("97411", "971")).isFalse();
        assertThat(Departements.isCommuneOf("75056", "93")).isFalse();
        assertThat(Departements.isCommuneOf("930661", "93")).isFalse();
        assertThat(Departements.isCommuneOf("Saint-Denis", "93")).isFalse();
        assertThat(Departements.isCommuneOf(null, "93")).isFalse();
    }
}
