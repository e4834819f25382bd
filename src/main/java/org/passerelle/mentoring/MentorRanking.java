package org.passerelle.mentoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.intake.Youth;
import org.passerelle.journey.JourneyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks the active mentors for a youth with the deployed "Classement des mentors" table: each mentor's facts go
 * through it, an exclusion says why not, points add up with their reasons.
 */
@Service
public class MentorRanking {

    public static final String DECISION = "mentorRanking";
    static final Set<String> SUCCESSES = Set.of("stage", "alternance", "emploi", "formation");

    public record Proposal(Mentor mentor, int points, List<String> reasons, int places) {
    }

    public record Exclusion(Mentor mentor, List<String> reasons) {
    }

    public record Result(String sector, String goal, List<Proposal> proposals, List<Exclusion> exclusions) {
    }

    private final MentorRepository mentors;
    private final MentorMatchRepository matches;
    private final MentorshipRepository mentorships;
    private final JourneyRepository journeys;
    private final DecisionService decisions;

    public MentorRanking(MentorRepository mentors, MentorMatchRepository matches, MentorshipRepository mentorships,
            JourneyRepository journeys, DecisionService decisions) {
        this.mentors = mentors;
        this.matches = matches;
        this.mentorships = mentorships;
        this.journeys = journeys;
        this.decisions = decisions;
    }

    @Transactional(readOnly = true)
    public Result rank(Long journeyId, boolean widened) {
        Youth youth = journeys.findById(journeyId).orElseThrow().getYouth();
        String goal = goalOf(youth.getProject());
        Set<Long> asked = matches.findByJourneyId(journeyId).stream()
                .filter(m -> m.getStatus() != MentorMatch.Status.ACCEPTED)
                .map(MentorMatch::getMentorId).collect(Collectors.toSet());
        List<Proposal> proposals = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (Mentor mentor : mentors.findByActiveTrueOrderByLastNameAsc()) {
            int places = mentor.getCapacity() - (int) mentorships.countByMentorIdAndStatus(mentor.getId(), Mentorship.Status.ACTIVE)
                    - (int) matches.countByMentorIdAndStatus(mentor.getId(), MentorMatch.Status.PROPOSED);
            long successes = mentorships.findByMentorIdAndStatus(mentor.getId(), Mentorship.Status.ENDED).stream()
                    .filter(m -> SUCCESSES.contains(m.getOutcome())).count();
            VariableMap facts = Variables.createVariables()
                    .putValue("memeSecteur", youth.getProjectSector() != null && youth.getProjectSector().equals(mentor.getSector()))
                    .putValue("objectifAccompagne", goal != null && mentor.getGoals().contains(goal))
                    .putValue("memeDepartement", youth.getDepartement() != null && mentor.getTerritories().contains(youth.getDepartement()))
                    .putValue("aDistance", mentor.isRemote())
                    .putValue("placesLibres", places)
                    .putValue("dejaSollicite", asked.contains(mentor.getId()))
                    .putValue("mentoratsReussis", (int) successes)
                    .putValue("rechercheElargie", widened)
                    // The self-test's two strongest interests ("S,A"), for a column a lead may add.
                    .putValue("interetsJeune", youth.getInterests() == null ? "" : youth.getInterests());
            List<String> whyNot = new ArrayList<>();
            List<String> why = new ArrayList<>();
            int points = 0;
            for (Map<String, Object> row : decisions.evaluateDecisionTableByKey(DECISION, facts).getResultList()) {
                String reason = row.get("raison") == null ? "" : row.get("raison").toString();
                if ("oui".equals(row.get("exclu"))) {
                    whyNot.add(reason);
                } else {
                    points += row.get("points") instanceof Number n ? n.intValue() : 0;
                    if (!reason.isBlank()) {
                        why.add(reason);
                    }
                }
            }
            if (whyNot.isEmpty()) {
                proposals.add(new Proposal(mentor, points, why, places));
            } else {
                exclusions.add(new Exclusion(mentor, whyNot));
            }
        }
        proposals.sort(Comparator.comparingInt(Proposal::points).reversed().thenComparing(p -> p.mentor().getLastName()));
        return new Result(youth.getProjectSector(), goal, proposals, exclusions);
    }

    /** "Je cherche une alternance en…" → alternance: the youth's own words, as the diagnostic kept them. */
    static String goalOf(String project) {
        if (project == null) {
            return null;
        }
        String words = java.text.Normalizer.normalize(project.toLowerCase(java.util.Locale.FRENCH), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        if (words.matches(".*\\b(alternance|apprenti\\w*|contrat pro\\w*)\\b.*")) {
            return "alternance";
        }
        if (words.matches(".*\\bstages?\\b.*")) {
            return "stage";
        }
        if (words.matches(".*\\b(emploi|travail|cdi|cdd|job|embauche|poste)\\b.*")) {
            return "emploi";
        }
        return null;
    }
}
