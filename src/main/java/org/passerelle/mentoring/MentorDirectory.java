package org.passerelle.mentoring;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's pool of mentors as programme leads manage it: search, edit, deactivate, import a company's list. */
@Service
public class MentorDirectory {

    /** What an import did, line by line: kept lines and, for the others, why not. */
    public record ImportReport(int created, int updated, List<String> problems) {
    }

    private final MentorRepository mentors;
    private final MentorshipRepository mentorships;
    private final Clock clock;

    public MentorDirectory(MentorRepository mentors, MentorshipRepository mentorships, Clock clock) {
        this.mentors = mentors;
        this.mentorships = mentorships;
        this.clock = clock;
    }

    /** Every mentor not erased, filtered on name, company, sector or email ("" lists all). */
    @Transactional(readOnly = true)
    public List<Mentor> search(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return mentors.findByStatusNotOrderByLastNameAsc(Mentor.Status.ERASED).stream()
                .filter(m -> q.isEmpty() || String.join(" ", m.getFirstName(), m.getLastName(), m.getCompany(),
                        m.getSector(), m.getEmail() == null ? "" : m.getEmail(), String.join(" ", m.getTerritories()))
                        .toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Mentor> find(Long id) {
        return mentors.findById(id).filter(m -> m.getStatus() != Mentor.Status.ERASED);
    }

    /** Mentorships the mentor follows now: what the capacity is used by. */
    @Transactional(readOnly = true)
    public long activeMentorships(Long mentorId) {
        return mentorships.countByMentorIdAndStatus(mentorId, Mentorship.Status.ACTIVE);
    }

    /** A lead's edit; another mentor's email address is refused (one mentor per address). */
    @Transactional
    public boolean update(Long id, Mentor.Profile profile) {
        Mentor mentor = find(id).orElseThrow();
        Optional<Mentor> sameEmail = mentors.findByEmail(profile.email());
        if (sameEmail.isPresent() && !sameEmail.get().getId().equals(id)) {
            return false;
        }
        mentor.update(profile);
        return true;
    }

    @Transactional
    public void setStatus(Long id, Mentor.Status status) {
        find(id).orElseThrow().setStatus(status);
    }

    /**
     * A company's list: each valid line creates an active mentor (the lead vouches for the company) or updates the
     * mentor with that address; invalid lines are reported and change nothing.
     */
    @Transactional
    public ImportReport importProfiles(List<Mentor.Profile> profiles) {
        int created = 0;
        int updated = 0;
        for (Mentor.Profile profile : profiles) {
            Optional<Mentor> existing = mentors.findByEmail(profile.email());
            if (existing.isPresent()) {
                existing.get().update(profile);
                updated++;
            } else {
                mentors.save(Mentor.of(profile, Mentor.Status.ACTIVE, clock.instant()));
                created++;
            }
        }
        return new ImportReport(created, updated, List.of());
    }
}
