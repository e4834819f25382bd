package org.passerelle.diagnostic;

import org.passerelle.intake.YouthStatuses;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passerelle.intake.Youth;
import org.passerelle.journey.JourneyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks a diagnostic, stores it on the youth and derives the facts the segmentation reads. */
@Service
public class DiagnosticService {

    static final Set<String> DIPLOMA_LEVELS = Set.of("aucun", "capBep", "bac", "bac2", "licence", "masterPlus");
    static final Set<String> SITUATIONS = Set.of("decrocheur", "chomeur", "etudiant", "inactif", "autre");
    static final Set<String> BARRIERS = Set.of("sante", "logement", "mobilite", "famille", "langue", "numerique",
            "justice", "finances");
    private static final int MIN_AGE = 13;
    private static final int MAX_AGE = 30;
    private static final int GUARDIAN_CONSENT_UNDER = 15;

    private final JourneyRepository journeys;
    private final Clock clock;

    public DiagnosticService(JourneyRepository journeys, Clock clock) {
        this.journeys = journeys;
        this.clock = clock;
    }

    /** Routing facts for the youthSegmentation decision. */
    public record Facts(int age, int barrierCount, boolean urgentBarrier, boolean projectPrecise, String interests) {
    }

    @Transactional
    public Facts record(Long journeyId, Diagnostic diagnostic) {
        int age = validate(diagnostic);
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        youth.setBirthDate(diagnostic.birthDate());
        youth.setDepartement(diagnostic.departement());
        youth.setCommuneCode(communeOf(diagnostic));
        youth.setDiplomaLevel(diagnostic.diplomaLevel());
        youth.setSituation(diagnostic.situation());
        youth.setBarriers(String.join(",", diagnostic.barriers()));
        youth.setStatuses(diagnostic.statuses().isEmpty() ? null : String.join(",", diagnostic.statuses()));
        youth.setHasProject(diagnostic.hasProject());
        youth.setProject(diagnostic.hasProject() ? diagnostic.project() : null);
        youth.setProjectSector(diagnostic.hasProject() ? diagnostic.projectSector() : null);
        youth.setAvailability(diagnostic.availability());
        youth.setConsentContact(diagnostic.consentContact());
        youth.setConsentReferral(diagnostic.consentReferral());
        youth.setGuardianConsent(diagnostic.guardianConsent());
        boolean projectPrecise = diagnostic.hasProject() && notBlank(diagnostic.projectSector())
                && notBlank(diagnostic.project());
        boolean urgent = diagnostic.barriers().stream().anyMatch(Diagnostic.URGENT_BARRIERS::contains);
        return new Facts(age, diagnostic.barriers().size(), urgent, projectPrecise,
                youth.getInterests() == null ? "" : youth.getInterests());
    }

    /** Returns the age today; refuses, in French for the mediator, what cannot be right. */
    int validate(Diagnostic diagnostic) {
        List<String> errors = new ArrayList<>();
        Integer age = null;
        if (diagnostic.birthDate() == null) {
            errors.add("date de naissance manquante");
        } else {
            // Today where the youth lives: in La Réunion a birthday starts four hours before Paris.
            LocalDate today = LocalDate.ofInstant(clock.instant(), Departements.zoneOf(diagnostic.departement()));
            age = Period.between(diagnostic.birthDate(), today).getYears();
            if (diagnostic.birthDate().isAfter(today)) {
                errors.add("date de naissance dans le futur");
            } else if (age < MIN_AGE || age > MAX_AGE) {
                errors.add("âge hors du public du programme (" + age + " ans)");
            } else if (age < GUARDIAN_CONSENT_UNDER && !diagnostic.guardianConsent()) {
                errors.add("moins de 15 ans : l'accord d'un représentant légal est nécessaire");
            }
        }
        if (!Departements.isValid(diagnostic.departement())) {
            errors.add("département inconnu");
        }
        if (!DIPLOMA_LEVELS.contains(diagnostic.diplomaLevel())) {
            errors.add("niveau de diplôme inconnu");
        }
        if (!SITUATIONS.contains(diagnostic.situation())) {
            errors.add("situation inconnue");
        }
        diagnostic.barriers().stream().filter(b -> !BARRIERS.contains(b)).forEach(b -> errors.add("frein inconnu : " + b));
        diagnostic.statuses().stream().filter(s -> !YouthStatuses.isKnown(s)).forEach(s -> errors.add("statut inconnu : " + s));
        if (!diagnostic.consentContact()) {
            errors.add("le jeune doit accepter d'être recontacté");
        }
        if (!errors.isEmpty()) {
            throw new InvalidDiagnosticException("Diagnostic incomplet : " + String.join(" ; ", errors));
        }
        return age;
    }

    /**
     * The commune only helps ranking partners: one that is not an INSEE code of the youth's département
     * (often a postal code) is left out rather than stopping the diagnostic.
     */
    static String communeOf(Diagnostic diagnostic) {
        String commune = notBlank(diagnostic.communeCode()) ? diagnostic.communeCode().trim().toUpperCase(Locale.ROOT) : null;
        return commune != null && Departements.isCommuneOf(commune, diagnostic.departement()) ? commune : null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Caught when the mediator completes the task ({@link CheckDiagnostic}); only a model bypassing that check meets it later. */
    public static class InvalidDiagnosticException extends IllegalArgumentException {
        public InvalidDiagnosticException(String message) {
            super(message);
        }
    }
}
