package org.passerelle.partners;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.passerelle.diagnostic.Departements;

/**
 * Ranks partner services for a youth. Hard criteria (age at the referral date, diploma, statuses,
 * territory) exclude, with the reason; soft ones score (how local, network fit for the track,
 * capacity, past acceptance). Every proposal says why; every exclusion says why not.
 */
public final class PartnerMatcher {

    private PartnerMatcher() {
    }

    public record Proposal(Partner partner, int score, List<String> reasons) {
    }

    /** A service left out; onTerritory: it serves the youth's place, so the mediator wants to know why not. */
    public record Exclusion(Partner partner, List<String> reasons, boolean onTerritory) {
    }

    public record Result(List<Proposal> proposals, List<Exclusion> exclusions) {
    }

    /** How precisely a service's zone covers the youth: 0 = not at all. */
    enum Coverage { NONE, NATIONAL, REGION, DEPARTEMENT, COMMUNE_TO_CHECK, COMMUNE }

    public static Result match(YouthProfile youth, LocalDate referralDate, Collection<Partner> partners,
            Map<String, PartnerNetworks.Network> networks, Map<String, Integer> preferredNetworks,
            Map<Long, Double> acceptanceRates) {
        int age = youth.birthDate() == null ? -1 : Period.between(youth.birthDate(), referralDate).getYears();
        List<Proposal> proposals = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (Partner partner : partners) {
            if (!partner.isActive()) {
                continue;
            }
            List<String> why = new ArrayList<>();
            List<String> whyNot = new ArrayList<>();
            checkAge(partner, age, why, whyNot);
            checkDiploma(partner, youth.diplomaLevel(), whyNot);
            checkStatuses(partner, youth, whyNot);
            Coverage coverage = coverage(partner, youth);
            String networkLimit = networkLimitRefusal(networks.get(String.valueOf(partner.getNetwork())), youth);
            if (networkLimit != null) {
                whyNot.add(networkLimit);
            } else if (coverage == Coverage.NONE) {
                whyNot.add(zoneRefusal(partner, youth));
            }
            if (!whyNot.isEmpty()) {
                exclusions.add(new Exclusion(partner, whyNot, networkLimit == null && coverage != Coverage.NONE));
                continue;
            }
            int score = scoreLocality(coverage, why, youth);
            if (!partner.receivesReferralsByEmail()) {
                // Still proposed: the mediator refers by phone or in person and records the answer.
                score -= 5;
                why.add(partner.getPhone() == null || partner.getPhone().isBlank()
                        ? "sans courriel ni téléphone dans l'annuaire : orientation sur place"
                        : "sans courriel : orientation par téléphone (" + partner.getPhone() + ")");
            }
            Integer weight = preferredNetworks.get(partner.getNetwork());
            if (weight != null) {
                score += 15 * weight;
                PartnerNetworks.Network network = networks.get(partner.getNetwork());
                why.add("réseau conseillé pour ce profil (" + (network == null ? partner.getNetwork() : network.label()) + ")");
            }
            if (partner.getCapacity() != null) {
                if (partner.getCapacity() <= 0) {
                    score -= 30;
                    why.add("complet pour le moment");
                } else {
                    score += 5;
                    why.add(partner.getCapacity() + " places annoncées");
                }
            }
            Double rate = partner.getId() == null ? null : acceptanceRates.get(partner.getId());
            if (rate != null) {
                score += (int) Math.round(20 * rate);
                why.add("accepte " + Math.round(100 * rate) + " % des orientations reçues");
            }
            proposals.add(new Proposal(partner, score, why));
        }
        exclusions.sort(Comparator.comparing(Exclusion::onTerritory).reversed());
        proposals.sort(Comparator.comparingInt(Proposal::score).reversed()
                .thenComparing(p -> p.partner().getName(), Comparator.nullsLast(Comparator.naturalOrder())));
        return new Result(proposals, exclusions);
    }

    private static void checkAge(Partner partner, int age, List<String> why, List<String> whyNot) {
        if (age < 0) {
            return;
        }
        if (partner.getAgeMin() != null && age < partner.getAgeMin()) {
            whyNot.add("trop jeune : " + age + " ans, accueil à partir de " + partner.getAgeMin() + " ans");
        } else if (partner.getAgeMax() != null && age > partner.getAgeMax()) {
            whyNot.add("trop âgé : " + age + " ans, accueil jusqu'à " + partner.getAgeMax() + " ans");
        } else if (partner.getAgeMin() != null || partner.getAgeMax() != null) {
            why.add(age + " ans, dans la tranche d'âge"
                    + (partner.getAgeMin() == null ? "" : " " + partner.getAgeMin())
                    + (partner.getAgeMax() == null ? " et plus" : "–" + partner.getAgeMax() + " ans"));
        }
    }

    private static void checkDiploma(Partner partner, String level, List<String> whyNot) {
        if (!DiplomaLevels.isKnown(level)) {
            return;
        }
        if (DiplomaLevels.isKnown(partner.getMaxDiplomaLevel())
                && DiplomaLevels.rank(level) > DiplomaLevels.rank(partner.getMaxDiplomaLevel())) {
            whyNot.add("diplôme trop élevé : " + DiplomaLevels.label(level) + ", accueil jusqu'au niveau "
                    + DiplomaLevels.label(partner.getMaxDiplomaLevel()));
        }
        if (DiplomaLevels.isKnown(partner.getMinDiplomaLevel())
                && DiplomaLevels.rank(level) < DiplomaLevels.rank(partner.getMinDiplomaLevel())) {
            whyNot.add("diplôme insuffisant : niveau " + DiplomaLevels.label(partner.getMinDiplomaLevel()) + " demandé");
        }
    }

    private static void checkStatuses(Partner partner, YouthProfile youth, List<String> whyNot) {
        if (partner.getRequiredStatuses() == null || partner.getRequiredStatuses().isBlank()) {
            return;
        }
        List<String> missing = Arrays.stream(partner.getRequiredStatuses().split(",")).map(String::trim)
                .filter(s -> !s.isEmpty() && (youth.statuses() == null || !youth.statuses().contains(s))).toList();
        if (!missing.isEmpty()) {
            whyNot.add("réservé aux publics : " + String.join(", ", missing));
        }
    }

    static Coverage coverage(Partner partner, YouthProfile youth) {
        String zones = partner.getZoneEligibilite();
        if (zones == null || zones.isBlank()) {
            return Objects.equals(partner.getDepartement(), youth.departement()) ? Coverage.DEPARTEMENT : Coverage.NONE;
        }
        Coverage best = Coverage.NONE;
        for (String zone : zones.split(",")) {
            Coverage c = zoneCoverage(zone.trim(), youth);
            if (c.compareTo(best) > 0) {
                best = c;
            }
        }
        return best;
    }

    private static Coverage zoneCoverage(String zone, YouthProfile youth) {
        String dep = youth.departement();
        if (zone.equals("france")) {
            return Coverage.NATIONAL;
        }
        if (zone.equals("metropole")) {
            return dep != null && !Departements.isOverseas(dep) ? Coverage.NATIONAL : Coverage.NONE;
        }
        String code = zone.substring(zone.indexOf(':') + 1);
        if (zone.startsWith("reg:")) {
            return code.equals(Departements.regionOf(dep)) ? Coverage.REGION : Coverage.NONE;
        }
        if (zone.startsWith("dep:")) {
            return code.equals(dep) ? Coverage.DEPARTEMENT : Coverage.NONE;
        }
        if (zone.startsWith("com:")) {
            if (youth.communeCode() != null) {
                return code.equals(youth.communeCode()) ? Coverage.COMMUNE : Coverage.NONE;
            }
            return dep != null && code.startsWith(dep) ? Coverage.COMMUNE_TO_CHECK : Coverage.NONE;
        }
        return Coverage.NONE;
    }

    /** Networks bound to a territory whatever a service declares (as shipped: EPIDE and MFR metropolitan, RSMA overseas). */
    private static String networkLimitRefusal(PartnerNetworks.Network rule, YouthProfile youth) {
        if (rule == null || rule.zoneLimit() == null || youth.departement() == null) {
            return null;
        }
        if (rule.zoneLimit().equals("metropole") && youth.overseas()) {
            return "structure réservée à la métropole";
        }
        if (rule.zoneLimit().equals("outre-mer") && !youth.overseas()) {
            return "structure réservée aux territoires d'Outre-mer";
        }
        return null;
    }

    private static String zoneRefusal(Partner partner, YouthProfile youth) {
        String zones = partner.getZoneEligibilite() == null ? "dep:" + partner.getDepartement() : partner.getZoneEligibilite();
        if (zones.contains("metropole") && youth.overseas()) {
            return "structure réservée à la métropole";
        }
        return "hors de son territoire d'intervention (" + zones.replace("dep:", "").replace("reg:", "région ")
                .replace("com:", "commune ") + ")";
    }

    private static int scoreLocality(Coverage coverage, List<String> why, YouthProfile youth) {
        return switch (coverage) {
            case COMMUNE -> {
                why.add("dans la commune du jeune");
                yield 40;
            }
            case COMMUNE_TO_CHECK -> {
                why.add("intervient sur une commune du " + youth.departement() + " : commune du jeune à vérifier");
                yield 20;
            }
            case DEPARTEMENT -> {
                why.add("dans le département du jeune (" + youth.departement() + ")");
                yield 30;
            }
            case REGION -> {
                why.add("dans la région du jeune");
                yield 15;
            }
            case NATIONAL -> {
                why.add("intervient sur tout le territoire");
                yield 5;
            }
            case NONE -> 0;
        };
    }
}
