package org.passerelle.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticValidationTest {

    private final DiagnosticService service = new DiagnosticService(null,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    private static Diagnostic diagnostic(String birthDate, String departement, List<String> barriers, boolean guardianConsent,
            boolean consentContact) {
        return new Diagnostic(birthDate == null ? null : LocalDate.parse(birthDate), departement, null, "bac", "chomeur", barriers, List.of(),
                false, null, null, null, consentContact, true, guardianConsent);
    }

    @Test
    void computesTheAgeAtToday() {
        assertThat(service.validate(diagnostic("2004-11-23", "93", List.of(), false, true))).isEqualTo(22);
        assertThat(service.validate(diagnostic("2004-11-24", "93", List.of(), false, true))).isEqualTo(21);
    }

    @Test
    void theAgeChangesOnTheBirthdayWhereTheYouthLives() {
        // 21:30 UTC on 23 November: already the 24th in La Réunion (UTC+4), still the 23rd in Paris.
        var lateEvening = new DiagnosticService(null, Clock.fixed(Instant.parse("2026-11-23T21:30:00Z"), ZoneOffset.UTC));
        assertThat(lateEvening.validate(diagnostic("2008-11-24", "974", List.of(), false, true))).isEqualTo(18);
        assertThat(lateEvening.validate(diagnostic("2008-11-24", "75", List.of(), false, true))).isEqualTo(17);
    }

    @Test
    void theProgrammeTakesYouthsFromThirteenToThirty() {
        assertThat(service.validate(diagnostic("2013-11-23", "93", List.of(), true, true))).isEqualTo(13);
        assertThat(service.validate(diagnostic("1995-11-24", "93", List.of(), false, true))).isEqualTo(30);
        assertThatThrownBy(() -> service.validate(diagnostic("2013-11-24", "93", List.of(), true, true)))
                .hasMessageContaining("âge hors du public du programme (12 ans)");
        assertThatThrownBy(() -> service.validate(diagnostic("1995-11-23", "93", List.of(), false, true)))
                .hasMessageContaining("âge hors du public du programme (31 ans)");
    }

    @Test
    void underFifteenNeedsAGuardiansConsent() {
        assertThatThrownBy(() -> service.validate(diagnostic("2012-01-01", "971", List.of(), false, true)))
                .hasMessageContaining("représentant légal");
        assertThat(service.validate(diagnostic("2012-01-01", "971", List.of(), true, true))).isEqualTo(14);
    }

    @Test
    void refusesWhatCannotBeRightAndSaysWhyInFrench() {
        assertThatThrownBy(() -> service.validate(diagnostic(null, "20", List.of("voiture"), false, false)))
                .isInstanceOf(DiagnosticService.InvalidDiagnosticException.class)
                .hasMessageContaining("date de naissance manquante")
                .hasMessageContaining("département inconnu")
                .hasMessageContaining("frein inconnu : voiture")
                .hasMessageContaining("recontacté");
        assertThatThrownBy(() -> service.validate(diagnostic("1990-01-01", "75", List.of(), false, true)))
                .hasMessageContaining("âge hors du public");
    }

    private static Diagnostic inCommune(String departement, String commune) {
        return new Diagnostic(LocalDate.parse("2005-03-01"), departement, commune, "bac", "chomeur", List.of(), List.of(),
                false, null, null, null, true, true, false);
    }

    @Test
    void aCommuneOutsideTheDepartementIsLeftOutWithoutStoppingTheDiagnostic() {
        assertThat(service.validate(inCommune("93", "75056"))).isEqualTo(21);
        assertThat(DiagnosticService.communeOf(inCommune("93", null))).isNull();
        assertThat(DiagnosticService.communeOf(inCommune("93", " "))).isNull();
        assertThat(DiagnosticService.communeOf(inCommune("93", "93066"))).isEqualTo("93066");
        assertThat(DiagnosticService.communeOf(inCommune("974", "97411"))).isEqualTo("97411");
        assertThat(DiagnosticService.communeOf(inCommune("2A", "2a004"))).isEqualTo("2A004");
        assertThat(DiagnosticService.communeOf(inCommune("93", "75056"))).as("Paris is not in Seine-Saint-Denis").isNull();
        assertThat(DiagnosticService.communeOf(inCommune("971", "97411"))).isNull();
        assertThat(DiagnosticService.communeOf(inCommune("93", "9306"))).isNull();
    }

    @Test
    void statusesAreOptionalAndMustBeKnownCodes() {
        var withStatuses = new Diagnostic(LocalDate.parse("2005-03-01"), "93", null, "bac", "chomeur", List.of(),
                List.of("rqth", "qpv"), false, null, null, null, true, true, false);
        assertThat(service.validate(withStatuses)).isEqualTo(21);
        var unknown = new Diagnostic(LocalDate.parse("2005-03-01"), "93", null, "bac", "chomeur", List.of(),
                List.of("handicap"), false, null, null, null, true, true, false);
        assertThatThrownBy(() -> service.validate(unknown)).hasMessageContaining("statut inconnu : handicap");
    }
}
