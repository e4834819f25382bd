package org.passerelle.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.diagnostic.Departements;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.partners.PartnerRouting;
import org.passerelle.partners.YouthProfile;

/**
 * Matching benchmark (not a test): one youth against a national-sized directory, then a batch of
 * 10,000 youths, including the partnerRouting DMN evaluation for each youth.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.MatchingBenchmark</pre>
 * The directory is synthetic but shaped like the real one: 4 to 5 Missions Locales per département
 * (about 440, like the national network) plus one service of every other network per département.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ProcessEngine engine = new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:matching-bench;DB_CLOSE_DELAY=-1").setHistory("none")
                .setJobExecutorActivate(false).setProcessEngineName("matchingBench").buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource("processes/partner-routing.dmn").deploy();
        PartnerRouting routing = new PartnerRouting(engine.getDecisionService());
        List<Partner> directory = directory();
        Random random = new Random(42);
        LocalDate today = LocalDate.of(2026, 11, 23);
        List<YouthProfile> youths = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            youths.add(randomYouth(random, today));
        }

        for (int i = 0; i < 2_000; i++) { // warm-up
            match(youths.get(i % youths.size()), today, directory, routing);
        }
        long[] single = new long[1_000];
        for (int i = 0; i < single.length; i++) {
            long t0 = System.nanoTime();
            match(youths.get(i), today, directory, routing);
            single[i] = System.nanoTime() - t0;
        }
        Arrays.sort(single);
        long t0 = System.nanoTime();
        long proposals = 0;
        for (YouthProfile youth : youths) {
            proposals += match(youth, today, directory, routing).proposals().size();
        }
        double batchSeconds = (System.nanoTime() - t0) / 1e9;

        System.out.printf(Locale.ROOT, "directory: %d services (%d Missions Locales)%n", directory.size(),
                directory.stream().filter(p -> PartnerNetworks.MISSION_LOCALE.equals(p.getNetwork())).count());
        System.out.printf(Locale.ROOT, "one youth: p50 %.2f ms, p99 %.2f ms%n", single[500] / 1e6, single[989] / 1e6);
        System.out.printf(Locale.ROOT, "batch of %d youths: %.2f s (%.0f youths/s, %.1f eligible services on average)%n",
                batch, batchSeconds, batch / batchSeconds, (double) proposals / batch);
        engine.close();
    }

    private static PartnerMatcher.Result match(YouthProfile youth, LocalDate today, List<Partner> directory, PartnerRouting routing) {
        int age = today.getYear() - youth.birthDate().getYear();
        return PartnerMatcher.match(youth, today, directory, NETWORKS, routing.preferredNetworks(youth, age), Map.of());
    }

    private static final Map<String, PartnerNetworks.Network> NETWORKS = PartnerNetworks.shipped();

    static List<Partner> directory() {
        List<Partner> partners = new ArrayList<>();
        int n = 0;
        for (String departement : Departements.codes()) {
            int missionsLocales = 4 + (departement.hashCode() & 1);
            for (int i = 0; i < missionsLocales; i++) {
                partners.add(service("ML " + departement + "-" + i, PartnerNetworks.MISSION_LOCALE, departement, n++));
            }
            for (String network : NETWORKS.keySet()) {
                if (!network.equals(PartnerNetworks.MISSION_LOCALE)) {
                    partners.add(service(network + " " + departement, network, departement, n++));
                }
            }
        }
        return partners;
    }

    private static Partner service(String name, String network, String departement, int n) {
        PartnerNetworks.Network rule = NETWORKS.get(network);
        return Partner.imported("bench", "s" + n, new Partner.Description(name, null, network, departement, null,
                "s" + n + "@example.org", null, rule.ageMin(), rule.ageMax(), null, rule.maxDiplomaLevel(), null,
                "dep:" + departement, null, null, null, n % 7 == 0 ? 0 : 10, true));
    }

    private static YouthProfile randomYouth(Random random, LocalDate today) {
        List<String> departements = new ArrayList<>(Departements.codes());
        String[] diplomas = {"aucun", "capBep", "bac", "bac2", "licence", "masterPlus"};
        String[] tracks = {"orientation", "coupDePouce", "mentorat", "relaisImmediat"};
        return new YouthProfile(today.minusYears(15 + random.nextInt(13)).minusDays(random.nextInt(365)),
                departements.get(random.nextInt(departements.size())), null, diplomas[random.nextInt(diplomas.length)],
                Set.of(), random.nextInt(5) == 0, random.nextBoolean(), tracks[random.nextInt(tracks.length)]);
    }
}
