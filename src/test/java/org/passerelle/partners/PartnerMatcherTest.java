package org.passerelle.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.passerelle.partners.PartnerNetworks;

/** Eligibility table: each network's admission rules at their boundaries, territories, explanations. */
class PartnerMatcherTest {

    private static final LocalDate REFERRAL = LocalDate.of(2026, 11, 23);

    /** A partner following its network's national rules, serving one département. */
    static final Map<String, PartnerNetworks.Network> NETWORKS = PartnerNetworks.shipped();

    static Partner partner(String network, String departement) {
        PartnerNetworks.Network rule = NETWORKS.get(network);
        return Partner.imported("test", network + "-" + departement, new Partner.Description(
                rule.label() + " " + departement, null, network, departement, null, "p@example.org", null,
                rule.ageMin(), rule.ageMax(), null, rule.maxDiplomaLevel(), null, "dep:" + departement, null, null, null,
                null, true));
    }

    /** Born so that the youth is exactly this old on the referral date (birthday today). */
    static YouthProfile youth(int age, String departement, String diploma) {
        return new YouthProfile(REFERRAL.minusYears(age), departement, null, diploma, Set.of(), false, false, "orientation");
    }

    private static PartnerMatcher.Result match(YouthProfile youth, Partner... partners) {
        return PartnerMatcher.match(youth, REFERRAL, List.of(partners), NETWORKS, Map.of(), Map.of());
    }

    private static boolean eligible(YouthProfile youth, Partner partner) {
        return !match(youth, partner).proposals().isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} ans ({2}) → {3}")
    @CsvSource({
        "MISSION_LOCALE, 15, aucun, false", "MISSION_LOCALE, 16, aucun, true", "MISSION_LOCALE, 25, masterPlus, true", "MISSION_LOCALE, 26, bac, false",
        "E2C, 15, aucun, false", "E2C, 16, aucun, true", "E2C, 25, aucun, true", "E2C, 26, aucun, false", "E2C, 20, capBep, false",
        "EPIDE, 16, aucun, false", "EPIDE, 17, aucun, true", "EPIDE, 25, bac, true", "EPIDE, 26, aucun, false", "EPIDE, 20, bac2, false",
        "GEIQ, 25, bac, true", "GEIQ, 26, bac, false", "GEIQ, 22, bac2, false", "GEIQ, 16, aucun, true",
        "APPRENTISSAGE, 15, aucun, false", "APPRENTISSAGE, 16, aucun, true", "APPRENTISSAGE, 29, licence, true", "APPRENTISSAGE, 30, bac, false",
        "FRANCE_TRAVAIL, 17, bac, false", "FRANCE_TRAVAIL, 18, bac, true", "FRANCE_TRAVAIL, 30, masterPlus, true",
    })
    void networkRulesAtTheirBoundaries(String network, int age, String diploma, boolean expected) {
        assertThat(eligible(youth(age, "93", diploma), partner(network, "93"))).isEqualTo(expected);
    }

    @Test
    void aYouthTurningTheMaximumAgeTomorrowIsStillEligibleToday() {
        YouthProfile almost26 = new YouthProfile(REFERRAL.minusYears(26).plusDays(1), "93", null, "bac", Set.of(), false, false, "orientation");

        assertThat(eligible(almost26, partner(PartnerNetworks.MISSION_LOCALE, "93"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"971", "972", "973", "974", "976"})
    void overseasYouthsGoToOverseasStructuresNeverToMetropolitanOnes(String departement) {
        Partner local = partner(PartnerNetworks.MISSION_LOCALE, departement);
        Partner rsma = partner(PartnerNetworks.RSMA, departement);
        Partner epide = partner(PartnerNetworks.EPIDE, "13");
        epide.describe(new Partner.Description("EPIDE national", null, PartnerNetworks.EPIDE, "13", null, "e@example.org", null,
                17, 25, null, "bac", null, "france", null, null, null, null, true));
        Partner paris = partner(PartnerNetworks.MISSION_LOCALE, "75");

        var result = match(youth(20, departement, "aucun"), local, rsma, epide, paris);

        assertThat(result.proposals()).extracting(p -> p.partner().getName())
                .containsExactlyInAnyOrder(local.getName(), rsma.getName());
        assertThat(result.exclusions()).anySatisfy(e -> {
            assertThat(e.partner()).isSameAs(epide);
            assertThat(e.reasons()).containsExactly("structure réservée à la métropole");
        });
        assertThat(result.exclusions()).anySatisfy(e -> assertThat(e.reasons().get(0)).startsWith("hors de son territoire"));
    }

    @Test
    void rsmaIsOnlyForOverseasYouths() {
        Partner rsma = partner(PartnerNetworks.RSMA, "972");
        rsma.describe(new Partner.Description("RSMA", null, PartnerNetworks.RSMA, "972", null, "r@example.org", null, 18, 25, null,
                null, null, "france", null, null, null, null, true));

        assertThat(match(youth(20, "93", "aucun"), rsma).exclusions().get(0).reasons())
                .containsExactly("structure réservée aux territoires d'Outre-mer");
    }

    @Test
    void communeZonesMatchTheYouthsCommuneOrAskToCheckIt() {
        Partner saintDenis = partner(PartnerNetworks.MISSION_LOCALE, "93");
        saintDenis.describe(new Partner.Description("ML Saint-Denis", null, PartnerNetworks.MISSION_LOCALE, "93", "93066",
                "s@example.org", null, 16, 25, null, null, null, "com:93066,com:93070", null, null, null, null, true));
        YouthProfile inSaintDenis = new YouthProfile(REFERRAL.minusYears(19), "93", "93066", "bac", Set.of(), false, false, "orientation");
        YouthProfile inBobigny = new YouthProfile(REFERRAL.minusYears(19), "93", "93008", "bac", Set.of(), false, false, "orientation");
        YouthProfile communeUnknown = youth(19, "93", "bac");

        assertThat(match(inSaintDenis, saintDenis).proposals().get(0).reasons()).contains("dans la commune du jeune");
        assertThat(match(inBobigny, saintDenis).proposals()).isEmpty();
        assertThat(match(communeUnknown, saintDenis).proposals().get(0).reasons().get(1)).contains("commune du jeune à vérifier");
    }

    @Test
    void regionalZonesCoverEveryDepartementOfTheRegion() {
        Partner idf = partner(PartnerNetworks.GEIQ, "75");
        idf.describe(new Partner.Description("GEIQ IDF", null, PartnerNetworks.GEIQ, "75", null, "g@example.org", null, 16, 25, null,
                "bac", null, "reg:11", null, null, null, null, true));

        assertThat(eligible(youth(20, "95", "bac"), idf)).isTrue();
        assertThat(eligible(youth(20, "60", "bac"), idf)).isFalse();
    }

    @Test
    void requiredStatusesExcludeYouthsWithoutThem() {
        Partner rqth = partner(PartnerNetworks.MISSION_LOCALE, "93");
        rqth.describe(new Partner.Description("Cap emploi jeunes", null, PartnerNetworks.MISSION_LOCALE, "93", null, "c@example.org",
                null, 16, 25, null, null, "rqth", "dep:93", null, null, null, null, true));

        assertThat(match(youth(20, "93", "bac"), rqth).exclusions().get(0).reasons()).containsExactly("réservé aux publics : rqth");
        assertThat(eligible(new YouthProfile(REFERRAL.minusYears(20), "93", null, "bac", Set.of("rqth"), false, false, "orientation"), rqth)).isTrue();
    }

    @Test
    void proposalsAreRankedAndSayWhy() {
        Partner local = partner(PartnerNetworks.MISSION_LOCALE, "93");
        Partner national = partner(PartnerNetworks.APPRENTISSAGE, "75");
        national.describe(new Partner.Description("CFA national", null, PartnerNetworks.APPRENTISSAGE, "75", null, "n@example.org", null,
                16, 29, null, null, null, "france", null, null, null, 0, true));

        var result = PartnerMatcher.match(youth(19, "93", "bac"), REFERRAL, List.of(national, local), NETWORKS,
                Map.of(PartnerNetworks.MISSION_LOCALE, 3), Map.of());

        assertThat(result.proposals()).extracting(p -> p.partner().getName()).containsExactly(local.getName(), national.getName());
        assertThat(result.proposals().get(0).reasons()).contains("dans le département du jeune (93)",
                "réseau conseillé pour ce profil (Mission Locale)", "19 ans, dans la tranche d'âge 16–25 ans");
        assertThat(result.proposals().get(1).reasons()).contains("complet pour le moment", "intervient sur tout le territoire");
    }

    @Test
    void inactivePartnersAreNeverProposed() {
        Partner closed = partner(PartnerNetworks.MISSION_LOCALE, "93");
        closed.deactivate();

        var result = match(youth(20, "93", "bac"), closed);

        assertThat(result.proposals()).isEmpty();
        assertThat(result.exclusions()).isEmpty();
    }

    @Test
    void aServiceWithoutEmailIsStillProposedForAReferralByPhoneOrInPerson() {
        Partner byPhone = partner(PartnerNetworks.MISSION_LOCALE, "93");
        byPhone.describe(new Partner.Description("ML Saint-Denis", null, PartnerNetworks.MISSION_LOCALE, "93", null, "",
                "01 48 00 00 00", 16, 25, null, null, null, "dep:93", null, null, null, null, true));
        Partner inPerson = partner(PartnerNetworks.MISSION_LOCALE, "93");
        inPerson.describe(new Partner.Description("ML Bobigny", null, PartnerNetworks.MISSION_LOCALE, "93", null, "", null,
                16, 25, null, null, null, "dep:93", null, null, null, null, true));
        Partner byEmail = partner(PartnerNetworks.MISSION_LOCALE, "93");

        var result = match(youth(20, "93", "bac"), byPhone, inPerson, byEmail);

        assertThat(result.exclusions()).isEmpty();
        assertThat(result.proposals()).extracting(p -> p.partner()).first().isSameAs(byEmail);
        assertThat(result.proposals()).filteredOn(p -> p.partner() == byPhone).singleElement()
                .extracting(PartnerMatcher.Proposal::reasons).asList()
                .contains("sans courriel : orientation par téléphone (01 48 00 00 00)");
        assertThat(result.proposals()).filteredOn(p -> p.partner() == inPerson).singleElement()
                .extracting(PartnerMatcher.Proposal::reasons).asList()
                .contains("sans courriel ni téléphone dans l'annuaire : orientation sur place");
    }

    @Test
    void exclusionsOnTheYouthsTerritoryComeFirstAndAreMarkedSo() {
        Partner elsewhere = partner(PartnerNetworks.MISSION_LOCALE, "13");
        Partner epideOverseas = partner(PartnerNetworks.EPIDE, "974");
        Partner tooYoungHere = partner(PartnerNetworks.FRANCE_TRAVAIL, "974");

        var result = match(youth(17, "974", "aucun"), elsewhere, epideOverseas, tooYoungHere);

        assertThat(result.exclusions()).extracting(e -> e.partner().getName(), PartnerMatcher.Exclusion::onTerritory)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tooYoungHere.getName(), true),
                        org.assertj.core.groups.Tuple.tuple(elsewhere.getName(), false),
                        org.assertj.core.groups.Tuple.tuple(epideOverseas.getName(), false));
    }
}
