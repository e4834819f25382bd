package org.passerelle.diagnostic;

import java.time.LocalDate;
import java.util.List;

/** What the mediator learnt in the diagnostic form. */
public record Diagnostic(LocalDate birthDate, String departement, String communeCode, String diplomaLevel, String situation,
        List<String> barriers, List<String> statuses, boolean hasProject, String project, String projectSector, String availability,
        boolean consentContact, boolean consentReferral, boolean guardianConsent) {

    /** Barriers that need a local structure now, before anything else. */
    static final List<String> URGENT_BARRIERS = List.of("sante", "logement", "justice");
}
