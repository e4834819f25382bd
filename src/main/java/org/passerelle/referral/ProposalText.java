package org.passerelle.referral;

import java.util.stream.Collectors;
import org.passerelle.partners.PartnerMatcher;

/** The matching's explanation as the mediator reads it in the "Choisir un partenaire" form. */
final class ProposalText {

    private static final int SHOWN_EXCLUSIONS = 8;

    private ProposalText() {
    }

    static String of(PartnerMatcher.Result result) {
        StringBuilder text = new StringBuilder();
        if (result.proposals().isEmpty()) {
            text.append("Aucune structure ne correspond aux critères du jeune.\n");
        }
        int rank = 1;
        for (var proposal : result.proposals()) {
            text.append(rank++).append(". ").append(proposal.partner().getName()).append(" : ")
                    .append(String.join(" ; ", proposal.reasons())).append('\n');
        }
        if (!result.exclusions().isEmpty()) {
            text.append("\nNon proposées :\n").append(result.exclusions().stream().limit(SHOWN_EXCLUSIONS)
                    .map(e -> "- " + e.partner().getName() + " : " + String.join(" ; ", e.reasons()))
                    .collect(Collectors.joining("\n")));
            if (result.exclusions().size() > SHOWN_EXCLUSIONS) {
                text.append("\n… et ").append(result.exclusions().size() - SHOWN_EXCLUSIONS).append(" autres.");
            }
        }
        return text.toString().trim();
    }
}
