package org.passerelle.partners;

import java.time.LocalDate;
import java.util.Set;
import org.passerelle.diagnostic.Departements;

/** What the matching knows of a youth: from the diagnostic and the segmentation. */
public record YouthProfile(LocalDate birthDate, String departement, String communeCode, String diplomaLevel,
        Set<String> statuses, boolean urgentBarrier, boolean hasProject, String track, String interests) {

    /** A youth who took no self-test. */
    public YouthProfile(LocalDate birthDate, String departement, String communeCode, String diplomaLevel,
            Set<String> statuses, boolean urgentBarrier, boolean hasProject, String track) {
        this(birthDate, departement, communeCode, diplomaLevel, statuses, urgentBarrier, hasProject, track, null);
    }

    public boolean overseas() {
        return Departements.isOverseas(departement);
    }
}
