package org.passerelle.mentoring;

import java.util.stream.Collectors;

/** The ranking as the mediator reads it in the task: each proposed mentor and why, then those left out and why not. */
final class MentorProposalText {

    private static final int MAX_EXCLUSIONS = 15;

    private MentorProposalText() {
    }

    static String of(MentorRanking.Result result, boolean widened) {
        StringBuilder text = new StringBuilder();
        text.append("Projet du jeune : ").append(MentorVocabulary.label(MentorVocabulary.SECTORS, result.sector()).isEmpty()
                ? "secteur non renseigné" : MentorVocabulary.label(MentorVocabulary.SECTORS, result.sector()))
                .append(result.goal() == null ? "" : ", " + MentorVocabulary.label(MentorVocabulary.GOALS, result.goal()).toLowerCase())
                .append(widened ? " — recherche élargie (autres secteurs et territoires)" : "").append("\n\n");
        if (result.proposals().isEmpty()) {
            text.append("Aucun mentor disponible ne correspond.\n");
        }
        int rank = 1;
        for (MentorRanking.Proposal p : result.proposals()) {
            text.append(rank++).append(". ").append(p.mentor().fullName()).append(" — ").append(p.mentor().getCompany())
                    .append(p.mentor().getJobTitle() == null ? "" : ", " + p.mentor().getJobTitle())
                    .append(" (").append(p.points()).append(" points) : ").append(String.join(" ; ", p.reasons()))
                    .append(p.reasons().isEmpty() ? "" : " ; ").append(p.places()).append(p.places() > 1 ? " places libres" : " place libre")
                    .append(p.mentor().getLanguages() == null ? "" : " ; langues : " + p.mentor().getLanguages()).append("\n");
        }
        if (!result.exclusions().isEmpty()) {
            text.append("\nNon proposés :\n").append(result.exclusions().stream().limit(MAX_EXCLUSIONS)
                    .map(e -> "- " + e.mentor().fullName() + " (" + e.mentor().getCompany() + ") : " + String.join(" ; ", e.reasons()))
                    .collect(Collectors.joining("\n")));
            if (result.exclusions().size() > MAX_EXCLUSIONS) {
                text.append("\n… et ").append(result.exclusions().size() - MAX_EXCLUSIONS).append(" autres");
            }
        }
        return text.toString();
    }
}
