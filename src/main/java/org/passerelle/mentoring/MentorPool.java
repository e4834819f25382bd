package org.passerelle.mentoring;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.passerelle.journey.Choice;
import org.passerelle.journey.JourneyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The mentors a youth can be proposed, and the record of proposals and answers. */
@Service
public class MentorPool {

    static final Choice NO_MENTOR = new Choice("Aucun mentor disponible", MentorMatching.Values.NONE);

    private final MentorRepository mentors;
    private final MentorMatchRepository matches;
    private final JourneyRepository journeys;
    private final Clock clock;

    public MentorPool(MentorRepository mentors, MentorMatchRepository matches, JourneyRepository journeys, Clock clock) {
        this.mentors = mentors;
        this.matches = matches;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** Active mentors not yet refused for this journey, those of the youth's sector first. */
    @Transactional(readOnly = true)
    public List<Choice> options(Long journeyId) {
        String sector = journeys.findById(journeyId).orElseThrow().getYouth().getProjectSector();
        Set<Long> refused = matches.findByJourneyId(journeyId).stream()
                .filter(m -> m.getStatus() == MentorMatch.Status.REFUSED)
                .map(MentorMatch::getMentorId).collect(Collectors.toSet());
        Stream<Choice> available = mentors.findByActiveTrueOrderByLastNameAsc().stream()
                .filter(m -> !refused.contains(m.getId()))
                .sorted(Comparator.comparing((Mentor m) -> !Objects.equals(m.getSector(), sector)))
                .map(m -> new Choice(m.getFirstName() + " " + m.getLastName() + " — " + m.getCompany()
                        + " (" + m.getSector() + ")", m.getId().toString()));
        return Stream.concat(available, Stream.of(NO_MENTOR)).toList();
    }

    @Transactional
    public Long propose(Long journeyId, Long mentorId) {
        mentors.findById(mentorId).filter(Mentor::isActive)
                .orElseThrow(() -> new IllegalArgumentException("Mentor inconnu ou inactif : " + mentorId));
        return matches.save(new MentorMatch(journeyId, mentorId, clock.instant())).getId();
    }

    @Transactional
    public void answer(Long matchId, boolean accepted, String comment) {
        matches.findById(matchId).orElseThrow().answer(accepted, comment, clock.instant());
    }
}
