package org.passerelle.reporting;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's figures: contacts, diagnostics, referrals and outcomes, by channel, campaign and territory. */
@Service
public class ProgrammeFigures {

    private final EntityManager entities;

    public ProgrammeFigures(EntityManager entities) {
        this.entities = entities;
    }

    /** Counts, each as label → number, for youths who first contacted the programme since a date. */
    public record Figures(Instant since, long contacts, long diagnosed, long openJourneys, long closedJourneys,
            Map<String, Long> byChannel, Map<String, Long> byCampaign, Map<String, Long> byTerritory,
            Map<String, Long> byTrack, Map<String, Long> referrals, Map<String, Long> referralRefusals,
            Map<String, Long> referralAttendance, Map<String, Long> referralsByNetwork, Map<String, Long> outcomes,
            Mentoring mentoring) {
    }

    /**
     * Company mentors: the pool as it stands today (active mentors, places, places used), and for youths arrived since
     * the date: proposals and their answers, days from the first proposal to an acceptance, outcomes by sector.
     */
    public record Mentoring(long activeMentors, long places, long placesUsed, Map<String, Long> proposals,
            Integer acceptancePercent, Double averageDaysToMatch, Map<String, Long> outcomesBySector) {
    }

    /** The bucket of rows without a value. */
    static final String NOT_GIVEN = "nonRenseigne";

    @Transactional(readOnly = true)
    public Figures since(Instant since) {
        return new Figures(since,
                count("select count(y) from Youth y where y.createdAt >= :since", since),
                count("select count(y) from Youth y where y.createdAt >= :since and y.persona is not null", since),
                count("select count(j) from Journey j where j.youth.createdAt >= :since and j.status = 'OPEN'", since),
                count("select count(j) from Journey j where j.youth.createdAt >= :since and j.status = 'CLOSED'", since),
                grouped("select y.channel, count(y) from Youth y where y.createdAt >= :since group by y.channel order by count(y) desc", since),
                grouped("select y.campaign, count(y) from Youth y where y.createdAt >= :since group by y.campaign order by count(y) desc", since),
                grouped("select y.departement, count(y) from Youth y where y.createdAt >= :since group by y.departement order by count(y) desc", since),
                grouped("select y.track, count(y) from Youth y where y.createdAt >= :since group by y.track order by count(y) desc", since),
                grouped("select cast(r.status as string), count(r) from Referral r, Journey j where r.journeyId = j.id "
                        + "and j.youth.createdAt >= :since group by r.status order by count(r) desc", since),
                grouped("select r.reason, count(r) from Referral r, Journey j where r.journeyId = j.id and r.status = 'REFUSED' "
                        + "and j.youth.createdAt >= :since group by r.reason order by count(r) desc", since),
                grouped("select case when r.attended = true then 'venu' when r.attended = false then 'absent' else 'aConfirmer' end, "
                        + "count(r) from Referral r, Journey j where r.journeyId = j.id and r.status = 'ACCEPTED' "
                        + "and j.youth.createdAt >= :since group by r.attended order by count(r) desc", since),
                grouped("select cast(p.network as string), count(r) from Referral r, Journey j, Partner p where r.journeyId = j.id "
                        + "and r.partnerId = p.id and j.youth.createdAt >= :since group by p.network order by count(r) desc", since),
                grouped("select j.outcome, count(j) from Journey j where j.youth.createdAt >= :since and j.status = 'CLOSED' "
                        + "group by j.outcome order by count(j) desc", since),
                mentoring(since));
    }

    private Mentoring mentoring(Instant since) {
        long active = entities.createQuery("select count(m) from Mentor m where m.status = 'ACTIVE'", Long.class).getSingleResult();
        Number places = entities.createQuery("select coalesce(sum(m.capacity), 0) from Mentor m where m.status = 'ACTIVE'", Number.class)
                .getSingleResult();
        long used = entities.createQuery("select count(s) from Mentorship s where s.status = 'ACTIVE'", Long.class).getSingleResult();
        Map<String, Long> proposals = grouped("select cast(m.status as string), count(m) from MentorMatch m, Journey j "
                + "where m.journeyId = j.id and j.youth.createdAt >= :since group by m.status order by count(m) desc", since);
        long accepted = proposals.getOrDefault("ACCEPTED", 0L);
        long answered = accepted + proposals.getOrDefault("REFUSED", 0L) + proposals.getOrDefault("EXPIRED", 0L);
        // From the first proposal made for a youth to the acceptance that gave them a mentor.
        List<Object[]> matched = entities.createQuery("select a.answeredAt, (select min(f.proposedAt) from MentorMatch f "
                + "where f.journeyId = a.journeyId) from MentorMatch a, Journey j where a.journeyId = j.id and a.status = 'ACCEPTED' "
                + "and j.youth.createdAt >= :since", Object[].class).setParameter("since", since).getResultList();
        Double averageDays = matched.isEmpty() ? null : matched.stream().mapToDouble(row -> java.time.Duration.between(
                (Instant) row[1], (Instant) row[0]).toMinutes() / 1440.0).average().orElse(0);
        Map<String, Long> bySector = grouped("select concat(coalesce(s.sector, '" + NOT_GIVEN + "'), '|', s.outcome), count(s) "
                + "from Mentorship s, Journey j where s.journeyId = j.id and s.status = 'ENDED' and j.youth.createdAt >= :since "
                + "group by s.sector, s.outcome order by count(s) desc", since);
        return new Mentoring(active, places.longValue(), used, proposals,
                answered == 0 ? null : (int) Math.round(100.0 * accepted / answered),
                averageDays == null ? null : Math.round(averageDays * 10) / 10.0, bySector);
    }

    private long count(String jpql, Instant since) {
        return entities.createQuery(jpql, Long.class).setParameter("since", since).getSingleResult();
    }

    private Map<String, Long> grouped(String jpql, Instant since) {
        List<Object[]> rows = entities.createQuery(jpql, Object[].class).setParameter("since", since).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.merge(row[0] == null ? NOT_GIVEN : row[0].toString(), ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }
}
