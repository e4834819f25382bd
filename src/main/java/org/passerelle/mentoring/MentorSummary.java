package org.passerelle.mentoring;

/** A mentor's profile in French, as a programme lead reads it in Tasklist. */
final class MentorSummary {

    private MentorSummary() {
    }

    static String of(Mentor mentor) {
        Mentor.Profile p = mentor.profile();
        return String.join("\n",
                p.firstName() + " " + p.lastName() + " — " + p.company() + (p.jobTitle() == null ? "" : ", " + p.jobTitle()),
                "Courriel : " + p.email(),
                "Secteur : " + MentorVocabulary.label(MentorVocabulary.SECTORS, p.sector()),
                "Départements : " + (p.territories().isEmpty() ? "aucun" : String.join(", ", p.territories()))
                        + (p.remote() ? " ; accepte le mentorat à distance" : ""),
                "Aide : " + String.join(", ", p.helps().stream().map(h -> MentorVocabulary.label(MentorVocabulary.HELPS, h)).toList()),
                "Projets : " + String.join(", ", p.goals().stream().map(g -> MentorVocabulary.label(MentorVocabulary.GOALS, g)).toList()),
                "Jeunes suivis en même temps : " + p.capacity(),
                "Langues : " + (p.languages() == null ? "—" : p.languages()),
                "Disponibilités : " + (p.availability() == null ? "—" : p.availability()));
    }
}
