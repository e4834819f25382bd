package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The national Missions Locales file loaded at start: new structures added, programme leads' edits kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MissionsLocalesReferentialTest {

    @Autowired PartnerImport imports;
    @Autowired PartnerRepository partners;
    @Autowired ObjectMapper json;
    @TempDir Path dir;

    /** Rows in the published shape (id, nom_officiel, nom_usuel, code_departement, code_region, timezone); made-up names. */
    private Path referential(String... rows) throws Exception {
        Path file = dir.resolve("referentiel_structures_milo.json");
        Files.writeString(file, "[" + String.join(",", rows) + "]");
        return file;
    }

    private static String row(String id, String name, String departement) {
        return """
                {"id": "%s", "nom_officiel": "%s-ML %s", "nom_usuel": "%s", "code_departement": "%s",
                 "nom_region": "Structure régionale", "code_region": "00", "timezone": "Europe/Paris"}"""
                .formatted(id, departement, name.toUpperCase(), name, departement);
    }

    private MissionsLocalesReferential loaderOf(String file) {
        return new MissionsLocalesReferential(imports, json, file);
    }

    /** The real national list, as provided beside the project in shared/data (see its PROVENANCE.md). */
    @Test
    void theNationalListGivesEveryUsableMissionLocaleOverseasIncluded() throws Exception {
        Path national = Path.of("..", "shared", "data", "referentiel_structures_milo.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(national), "shared/data is not beside the project");

        var report = loaderOf(national.toString()).load(national);
        var loaded = partners.findAll().stream().filter(p -> MissionsLocalesReferential.SOURCE.equals(p.getSource())).toList();
        try {
            assertThat(report.created() + report.updated()).isGreaterThanOrEqualTo(448);
            assertThat(loaded).hasSizeGreaterThanOrEqualTo(448);
            for (String overseas : java.util.List.of("971", "972", "973", "974", "976")) {
                assertThat(loaded).as("Missions Locales of " + overseas).anyMatch(p -> overseas.equals(p.getDepartement()));
            }
            assertThat(report.rejected()).hasSizeLessThanOrEqualTo(2);
        } finally {
            // The test context's database is shared with other classes that count partners per département.
            partners.deleteAll(loaded);
        }
    }

    @Test
    void aConfiguredFileAddsEachMissionLocaleOnceAndKeepsTheLeadsEdits() throws Exception {
        Path file = referential(row("t-501", "Mission Locale Test Nord", "59"), row("t-502", "Mission Locale Test Mayotte", "976"),
                row("t-503", "Mission Locale Nulle Part", "99"));

        loaderOf(file.toString()).loadAtStart();

        Partner nord = partners.findBySourceAndSourceId(MissionsLocalesReferential.SOURCE, "t-501").orElseThrow();
        assertThat(nord.getNetwork()).isEqualTo(PartnerNetworks.MISSION_LOCALE);
        assertThat(nord.getZoneEligibilite()).isEqualTo("dep:59");
        assertThat(partners.findBySourceAndSourceId(MissionsLocalesReferential.SOURCE, "t-502")).isPresent();
        assertThat(partners.findBySourceAndSourceId(MissionsLocalesReferential.SOURCE, "t-503")).isEmpty();

        assertThat(imports.edit(nord.getId(), field -> switch (field) {
            case "nom" -> "Mission Locale Test Nord (antenne de Lille)";
            case "reseau" -> "mission-locale";
            case "departement" -> "59";
            case "courriel" -> "contact@ml-test-nord.example.org";
            case "zones" -> "dep:59";
            default -> null;
        })).isEmpty();

        var again = loaderOf(file.toString()).load(file);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.rejected()).singleElement().satisfies(r -> assertThat(r.reasons()).contains("département inconnu : 99"));
        Partner kept = partners.findBySourceAndSourceId(MissionsLocalesReferential.SOURCE, "t-501").orElseThrow();
        assertThat(kept.getName()).isEqualTo("Mission Locale Test Nord (antenne de Lille)");
        assertThat(kept.getEmail()).isEqualTo("contact@ml-test-nord.example.org");
    }

    @Test
    void aMissingOrUnreadableFileLeavesTheDirectoryAsItIs() throws Exception {
        long before = partners.count();

        loaderOf(dir.resolve("absent.json").toString()).loadAtStart();
        loaderOf("").loadAtStart();
        Path notAList = dir.resolve("objet.json");
        Files.writeString(notAList, "{\"id\": \"1\"}");
        loaderOf(notAList.toString()).loadAtStart();
        Path broken = dir.resolve("casse.json");
        Files.writeString(broken, "[{\"id\": ");
        loaderOf(broken.toString()).loadAtStart();

        assertThat(partners.count()).isEqualTo(before);
        assertThatThrownBy(() -> loaderOf(notAList.toString()).load(notAList)).hasMessageContaining("JSON array");
    }

    @Test
    void aNodeStartingBesideAnotherThatLoadsTheSameListKeepsStarting() throws Exception {
        PartnerImport racing = org.mockito.Mockito.mock(PartnerImport.class);
        org.mockito.Mockito.when(racing.importMissionsLocales(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenThrow(new org.springframework.dao.DataIntegrityViolationException("uk_partner_source"));
        Path file = referential(row("t-601", "Mission Locale Test Concurrente", "59"));

        org.assertj.core.api.Assertions.assertThatCode(() -> new MissionsLocalesReferential(racing, json, file.toString()).loadAtStart())
                .doesNotThrowAnyException();
    }
}
