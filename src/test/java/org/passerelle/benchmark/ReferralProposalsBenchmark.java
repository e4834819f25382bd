package org.passerelle.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.passerelle.PasserelleApplication;
import org.passerelle.diagnostic.Departements;
import org.passerelle.intake.Youth;
import org.passerelle.intake.YouthRepository;
import org.passerelle.journey.Journey;
import org.passerelle.journey.JourneyRepository;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerRepository;
import org.passerelle.referral.Referral;
import org.passerelle.referral.ReferralRepository;
import org.passerelle.referral.Referrals;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Referral proposals benchmark (not a test): what the "Classer les partenaires" step costs for one
 * youth with the national-sized directory in the database, i.e. loading the active services, the
 * past acceptance rates of 5,000 answered referrals, the partnerRouting DMN and the matching; on H2
 * and on PostgreSQL.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.ReferralProposalsBenchmark</pre>
 * Argument: [measured calls per database, default 500].
 */
public final class ReferralProposalsBenchmark {

    private ReferralProposalsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<String> lines = new ArrayList<>();
        Path h2 = Files.createTempDirectory("passerelle-bench-h2");
        lines.add(run("H2 (file)", calls, "--spring.datasource.url=jdbc:h2:file:" + h2.resolve("db") + ";AUTO_SERVER=FALSE"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            lines.add(run("PostgreSQL 17", calls, "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=", "--camunda.bpm.database.type=postgres"));
        }
        System.out.println();
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static String run(String database, int calls, String... datasource) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0", "--logging.level.root=WARN"));
        args.addAll(List.of(datasource));
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, args.toArray(String[]::new));
        try {
            List<Partner> directory = context.getBean(PartnerRepository.class).saveAll(MatchingBenchmark.directory());
            List<Long> journeys = youthsWithJourneys(context, 200);
            answeredReferrals(context, directory, journeys, 5_000);
            Referrals referrals = context.getBean(Referrals.class);

            for (int i = 0; i < 200; i++) { // warm-up
                referrals.proposals(journeys.get(i % journeys.size()));
            }
            long[] times = new long[calls];
            long proposals = 0;
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                proposals += referrals.proposals(journeys.get(i % journeys.size())).proposals().size();
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            return String.format(Locale.ROOT, "%-14s %d services, 5000 answered referrals: one youth p50 %.1f ms, p99 %.1f ms"
                    + " (%.1f proposals on average)", database, directory.size(), times[calls / 2] / 1e6,
                    times[(int) (calls * 0.99)] / 1e6, (double) proposals / calls);
        } finally {
            context.close();
        }
    }

    private static List<Long> youthsWithJourneys(ConfigurableApplicationContext context, int count) {
        YouthRepository youths = context.getBean(YouthRepository.class);
        JourneyRepository journeys = context.getBean(JourneyRepository.class);
        List<String> departements = new ArrayList<>(Departements.codes());
        String[] tracks = {"orientation", "coupDePouce", "mentorat", "relaisImmediat"};
        Random random = new Random(7);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Youth youth = new Youth("whatsapp", "bench-" + i, "Jeune", "bench", Instant.now());
            youth.setBirthDate(LocalDate.of(2026, 1, 1).minusYears(16 + random.nextInt(10)).minusDays(random.nextInt(365)));
            youth.setDepartement(departements.get(random.nextInt(departements.size())));
            youth.setDiplomaLevel(random.nextBoolean() ? "aucun" : "bac");
            youth.setSituation("decrocheur");
            youth.segment("decrocheur", tracks[random.nextInt(tracks.length)]);
            youths.save(youth);
            ids.add(journeys.save(new Journey(youth, Instant.now())).getId());
        }
        return ids;
    }

    private static void answeredReferrals(ConfigurableApplicationContext context, List<Partner> directory, List<Long> journeys,
            int count) {
        ReferralRepository referrals = context.getBean(ReferralRepository.class);
        Random random = new Random(11);
        List<Referral> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Referral referral = new Referral(journeys.get(random.nextInt(journeys.size())),
                    directory.get(random.nextInt(directory.size())).getId(), Instant.now(), "bench-" + i);
            if (random.nextInt(3) == 0) {
                referral.refuse("pasDePlace", Instant.now());
            } else {
                referral.accept(LocalDate.of(2026, 12, 10), Instant.now());
            }
            batch.add(referral);
        }
        referrals.saveAll(batch);
    }
}
