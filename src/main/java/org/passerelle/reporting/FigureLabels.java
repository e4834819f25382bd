package org.passerelle.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.passerelle.diagnostic.Departements;
import org.passerelle.journey.YouthJourney.Outcomes;
import org.passerelle.journey.YouthJourney.Tracks;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.referral.RefusalReasons;

/** What supervisors read on the figures page instead of the stored codes the JSON keeps. */
final class FigureLabels {

    private static final Map<String, String> CHANNELS = Map.of("whatsapp", "WhatsApp", "messenger", "Messenger",
            "leadAds", "Formulaire publicitaire (Facebook, Instagram)", "web", "Site ou chatbot",
            "presentiel", "En personne ou par téléphone");
    private static final Map<String, String> TRACKS = Map.of(Tracks.ORIENTATION, "Orientation", Tracks.COUP_DE_POUCE,
            "Coup de pouce", Tracks.MENTORAT, "Mentorat", Tracks.RELAIS_IMMEDIAT, "Relais immédiat");
    private static final Map<String, String> OUTCOMES = Map.of(Outcomes.EMPLOI, "Emploi", Outcomes.FORMATION, "Formation",
            Outcomes.ALTERNANCE, "Alternance", "relaisPartenaire", "Relais partenaire accepté", "sansNouvelles", "Sans nouvelles",
            "refus", "Refus ou arrêt demandé par le jeune", "autre", "Autre");
    private static final Map<String, String> REFERRAL_STATUSES = Map.of("SENT", "En attente de réponse", "ACCEPTED", "Acceptées",
            "REFUSED", "Refusées", "EXPIRED", "Sans réponse du partenaire (expirées)");
    private static final Map<String, String> ATTENDANCE = Map.of("venu", "Venus au premier rendez-vous",
            "absent", "Pas venus au premier rendez-vous", "aConfirmer", "Présence pas encore confirmée");

    private FigureLabels() {
    }

    /** One channel's words; the code itself when it has none, "non renseigné" without one. */
    static String channelLabel(String code) {
        return code == null ? "non renseigné" : CHANNELS.getOrDefault(code, code);
    }

    static String territoryLabel(String code) {
        return code == null ? "non renseigné" : Departements.isValid(code) ? code + " — " + Departements.nameOf(code) : code;
    }

    static Map<String, Long> channels(Map<String, Long> counts) {
        return relabel(counts, CHANNELS::get);
    }

    static Map<String, Long> campaigns(Map<String, Long> counts, java.util.function.Function<String, String> labels) {
        return relabel(counts, labels);
    }

    static Map<String, Long> territories(Map<String, Long> counts) {
        return relabel(counts, code -> Departements.isValid(code) ? code + " — " + Departements.nameOf(code) : null);
    }

    static Map<String, Long> tracks(Map<String, Long> counts) {
        return relabel(counts, TRACKS::get);
    }

    static Map<String, Long> outcomes(Map<String, Long> counts) {
        return relabel(counts, OUTCOMES::get);
    }

    private static final Map<String, String> MENTOR_PROPOSALS = Map.of("PROPOSED", "En attente de réponse du mentor",
            "ACCEPTED", "Acceptées", "REFUSED", "Déclinées", "EXPIRED", "Sans réponse (expirées)", "WITHDRAWN", "Retirées (mentor parti)");

    static Map<String, Long> mentorProposals(Map<String, Long> counts) {
        return relabel(counts, MENTOR_PROPOSALS::get);
    }

    /** "numerique|alternance" → "Numérique : Alternance trouvée". */
    static Map<String, Long> mentorshipOutcomes(Map<String, Long> counts) {
        return relabel(counts, key -> {
            String[] parts = key.split("\\|", 2);
            return parts.length < 2 ? null : org.passerelle.mentoring.MentorVocabulary.label(
                    org.passerelle.mentoring.MentorVocabulary.SECTORS, parts[0]) + " : "
                    + org.passerelle.mentoring.MentorVocabulary.label(org.passerelle.mentoring.MentorVocabulary.OUTCOMES, parts[1]);
        });
    }

    static Map<String, Long> referralStatuses(Map<String, Long> counts) {
        return relabel(counts, REFERRAL_STATUSES::get);
    }

    static Map<String, Long> refusalReasons(Map<String, Long> counts) {
        return relabel(counts, RefusalReasons.LABELS::get);
    }

    static Map<String, Long> attendance(Map<String, Long> counts) {
        return relabel(counts, ATTENDANCE::get);
    }

    /** Networks by their name in the deployed "Réseaux partenaires" table. */
    static Map<String, Long> networks(Map<String, Long> counts, Map<String, PartnerNetworks.Network> catalogue) {
        return relabel(counts, network -> catalogue.containsKey(network) ? catalogue.get(network).label() : null);
    }

    /** A code without a label stays as it is; rows without a value read "non renseigné". */
    private static Map<String, Long> relabel(Map<String, Long> counts, Function<String, String> label) {
        Map<String, Long> relabelled = new LinkedHashMap<>();
        counts.forEach((code, count) -> {
            String readable = ProgrammeFigures.NOT_GIVEN.equals(code) ? "non renseigné" : label.apply(code);
            relabelled.merge(readable == null ? code : readable, count, Long::sum);
        });
        return relabelled;
    }
}
