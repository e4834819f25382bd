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
        List<Object[]> journeys = entities.createQuery("""
                select y.campaign, y.channel, y.departement, j.openedAt, y.qualifiedAt, y.persona,
                  (select min(m.createdAt) from ConversationMessage m where m.journeyId = j.id and m.direction = 'OUT' and m.kind = 'ANSWER'),
                  (select count(a) from JourneyAction a where a.journeyId = j.id),
                  (select count(r) from Referral r where r.journeyId = j.id and r.status = 'ACCEPTED'),
                  (select count(r) from Referral r where r.journeyId = j.id and r.attended = true),
                  (select count(s) from Mentorship s where s.journeyId = j.id)
                from Journey j join j.youth y where j.openedAt >= :since""", Object[].class)
                .setParameter("since", since).getResultList();
        // One label per campaign code, not one decision evaluation per journey.
        Map<String, String> labels = new java.util.HashMap<>();
        Function<String, String> label = code -> labels.computeIfAbsent(code, campaignLabel);
        Map<String, Map<String, Long>> groups = new TreeMap<>();
        Map<String, Long> total = zero();
        List<Double> waits = new ArrayList<>();
        for (Object[] j : journeys) {
            Instant opened = (Instant) j[3];
            Instant firstAnswer = (Instant) j[6];
            if (firstAnswer != null && opened != null) {
                waits.add(Duration.between(opened, firstAnswer).toMinutes() / 60.0);
            }
            Map<String, Long> counts = groups.computeIfAbsent(group(by, j, label), g -> zero());
            for (String stage : reached(j, opened, firstAnswer)) {
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

    private static List<String> reached(Object[] j, Instant opened, Instant firstAnswer) {
        List<String> stages = new ArrayList<>(List.of("contacts"));
        if (firstAnswer != null && opened != null && !firstAnswer.isAfter(opened.plus(Duration.ofHours(24)))) {
            stages.add("answered24h");
        }
        if (j[4] != null) {
            stages.add("qualified");
        }
        if (j[5] != null) {
            stages.add("diagnosed");
        }
        if (((Number) j[7]).longValue() > 0) {
            stages.add("actions");
        }
        if (((Number) j[8]).longValue() > 0) {
            stages.add("referralAccepted");
        }
        if (((Number) j[9]).longValue() > 0) {
            stages.add("attended");
        }
        if (((Number) j[10]).longValue() > 0) {
            stages.add("mentored");
        }
        return stages;
    }

    private static String group(By by, Object[] j, Function<String, String> campaignLabel) {
        return switch (by) {
            case CAMPAIGN -> j[0] == null ? "sans campagne" : java.util.Objects.requireNonNullElse(campaignLabel.apply(j[0].toString()), j[0].toString());
            case CHANNEL -> FigureLabels.channelLabel(j[1] == null ? null : j[1].toString());
            case TERRITORY -> FigureLabels.territoryLabel(j[2] == null ? null : j[2].toString());
            case WEEK -> {
                var date = ((Instant) j[3]).atZone(ZoneOffset.UTC);
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
