package org.passerelle.referral;

import java.util.stream.Collectors;
import org.passerelle.partners.PartnerMatcher;

/** The matching's explanation as the mediator reads it in the "Choisir un partenaire" form. */
final class ProposalText {

    private static final int SHOWN_EXCLUSIONS = 12;

    private ProposalText() {
    }

    static String of(PartnerMatcher.Result result) {
        StringBuilder text = new StringBuilder();
        var local = result.exclusions().stream().filter(PartnerMatcher.Exclusion::onTerritory).toList();
        if (result.proposals().isEmpty()) {
            // Say what is really missing: no structure here at all, or structures whose criteria do not fit.
            text.append(local.isEmpty()
                    ? "Aucune structure de l'annuaire n'intervient sur le territoire du jeune : ajoutez-en une dans l'annuaire "
                            + "ou choisissez « Aucun partenaire adapté ».\n"
                    : "Aucune structure de son territoire ne remplit ses critères d'admission (motifs ci-dessous).\n");
        }
        int rank = 1;
        for (var proposal : result.proposals()) {
            text.append(rank++).append(". ").append(proposal.partner().getName()).append(" : ")
                    .append(String.join(" ; ", proposal.reasons())).append('\n');
        }
        // Structures of the youth's territory say why they are left out; the rest of France is only counted.
        long elsewhere = result.exclusions().size() - local.size();
        if (!local.isEmpty()) {
            text.append("\nNon proposées sur son territoire :\n").append(local.stream().limit(SHOWN_EXCLUSIONS)
                    .map(e -> "- " + e.partner().getName() + " : " + String.join(" ; ", e.reasons()))
                    .collect(Collectors.joining("\n")));
            if (local.size() > SHOWN_EXCLUSIONS) {
                text.append("\n… et ").append(local.size() - SHOWN_EXCLUSIONS).append(" autres.");
            }
            text.append('\n');
        }
        if (elsewhere > 0) {
            text.append("\n").append(elsewhere).append(elsewhere == 1 ? " structure n'intervient pas" : " structures n'interviennent pas")
                    .append(" sur le territoire du jeune.");
        }
        return text.toString().trim();
    }
}
