package org.passerelle.reporting;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign funnel: of the journeys opened since a date, how many got a first answer within 24 hours, answered
 * the first questions, were diagnosed, ran actions, were accepted by a partner and went, or met a mentor — by
 * campaign, channel, territory or week. Counts only: no personal data.
 */
@Service
public class CampaignFunnel {

    /** The stages, in order, with the words supervisors read. */
    public static final Map<String, String> STAGES = stages();

    /** How journeys are grouped. */
    public enum By {
        CAMPAIGN("campagne", "Campagne"), CHANNEL("canal", "Canal"), TERRITORY("territoire", "Territoire"), WEEK("semaine", "Semaine");

        public final String code;
        public final String label;

        By(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public static By of(String code) {
            for (By by : values()) {
                if (by.code.equals(code)) {
                    return by;
                }
            }
            return null;
        }
    }

    /** One group's counts, stage by stage (the keys of {@link #STAGES}). */
    public record Row(String group, Map<String, Long> stages) {
    }

    /** The funnel, and how long youths waited for a person's first answer (hours; null without answers). */
    public record Funnel(String by, Instant since, List<Row> rows, Row total, Double medianHoursToFirstAnswer,
            Double p90HoursToFirstAnswer) {
    }

    private final EntityManager entities;

    public CampaignFunnel(EntityManager entities) {
        this.entities = entities;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("contacts", "Premiers contacts");
        stages.put("answered24h", "Réponse d'un médiateur en moins de 24 h");
        stages.put("qualified", "Premières questions répondues");
        stages.put("diagnosed", "Diagnostic fait");
        stages.put("actions", "Actions engagées");
        stages.put("referralAccepted", "Orientation acceptée par un partenaire");
        stages.put("attended", "Venu au premier rendez-vous");
        stages.put("mentored", "Mentorat commencé");
        return java.util.Collections.unmodifiableMap(stages);
    }

    @Transactional(readOnly = true)
    public Funnel of(Instant since, By by, Function<String, String> campaignLabel) {
        // One plain query per stage, joined here: correlated subqueries per journey do not scale to a campaign.
        List<Object[]> journeys = entities.createQuery("select j.id, y.campaign, y.channel, y.departement, j.openedAt, y.qualifiedAt, "
                + "y.persona from Journey j join j.youth y where j.openedAt >= :since", Object[].class)
                .setParameter("since", since).getResultList();
        Map<Long, Instant> firstAnswers = new java.util.HashMap<>();
        for (Object[] row : rows("select m.journeyId, min(m.createdAt) from ConversationMessage m, Journey j where m.journeyId = j.id "
                + "and j.openedAt >= :since and m.direction = 'OUT' and m.kind = 'ANSWER' group by m.journeyId", since)) {
            firstAnswers.put((Long) row[0], (Instant) row[1]);
        }
        java.util.Set<Long> withActions = ids("select distinct a.journeyId from JourneyAction a, Journey j where a.journeyId = j.id "
                + "and j.openedAt >= :since", since);
        java.util.Set<Long> accepted = ids("select distinct r.journeyId from Referral r, Journey j where r.journeyId = j.id "
                + "and j.openedAt >= :since and r.status = 'ACCEPTED'", since);
        java.util.Set<Long> attended = ids("select distinct r.journeyId from Referral r, Journey j where r.journeyId = j.id "
                + "and j.openedAt >= :since and r.attended = true", since);
        java.util.Set<Long> mentored = ids("select distinct s.journeyId from Mentorship s, Journey j where s.journeyId = j.id "
                + "and j.openedAt >= :since", since);
        // One label per campaign code, not one decision evaluation per journey.
        Map<String, String> labels = new java.util.HashMap<>();
        Function<String, String> label = code -> labels.computeIfAbsent(code, campaignLabel);
        Map<String, Map<String, Long>> groups = new TreeMap<>();
        Map<String, Long> total = zero();
        List<Double> waits = new ArrayList<>();
        for (Object[] j : journeys) {
            Long id = (Long) j[0];
            Instant opened = (Instant) j[4];
            Instant firstAnswer = firstAnswers.get(id);
            if (firstAnswer != null && opened != null) {
                waits.add(Duration.between(opened, firstAnswer).toMinutes() / 60.0);
            }
            Map<String, Long> counts = groups.computeIfAbsent(group(by, j, label), g -> zero());
            List<String> stages = new ArrayList<>(List.of("contacts"));
            if (firstAnswer != null && opened != null && !firstAnswer.isAfter(opened.plus(Duration.ofHours(24)))) {
                stages.add("answered24h");
            }
            addIf(stages, j[5] != null, "qualified");
            addIf(stages, j[6] != null, "diagnosed");
            addIf(stages, withActions.contains(id), "actions");
            addIf(stages, accepted.contains(id), "referralAccepted");
            addIf(stages, attended.contains(id), "attended");
            addIf(stages, mentored.contains(id), "mentored");
            for (String stage : stages) {
                counts.merge(stage, 1L, Long::sum);
                total.merge(stage, 1L, Long::sum);
            }
        }
        List<Row> rows = groups.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()))
                .sorted((a, b) -> by == By.WEEK ? a.group().compareTo(b.group())
                        : Long.compare(b.stages().get("contacts"), a.stages().get("contacts"))).toList();
        waits.sort(Double::compare);
        return new Funnel(by.code, since, rows, new Row("Total", total), percentile(waits, 0.5), percentile(waits, 0.9));
    }

    private static void addIf(List<String> stages, boolean reached, String stage) {
        if (reached) {
            stages.add(stage);
        }
    }

    private List<Object[]> rows(String jpql, Instant since) {
        return entities.createQuery(jpql, Object[].class).setParameter("since", since).getResultList();
    }

    private java.util.Set<Long> ids(String jpql, Instant since) {
        return new java.util.HashSet<>(entities.createQuery(jpql, Long.class).setParameter("since", since).getResultList());
    }

    private static String group(By by, Object[] j, Function<String, String> campaignLabel) {
        return switch (by) {
            case CAMPAIGN -> j[1] == null ? "sans campagne" : java.util.Objects.requireNonNullElse(campaignLabel.apply(j[1].toString()), j[1].toString());
            case CHANNEL -> FigureLabels.channelLabel(j[2] == null ? null : j[2].toString());
            case TERRITORY -> FigureLabels.territoryLabel(j[3] == null ? null : j[3].toString());
            case WEEK -> {
                var date = ((Instant) j[4]).atZone(ZoneOffset.UTC);
                yield String.format(Locale.ROOT, "%d-S%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
        };
    }

    private static Map<String, Long> zero() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> counts.put(stage, 0L));
        return counts;
    }

    private static Double percentile(List<Double> sorted, double rank) {
        if (sorted.isEmpty()) {
            return null;
        }
        double value = sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(rank * sorted.size()) - 1));
        return Math.round(value * 10) / 10.0;
    }
}
