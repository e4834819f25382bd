package org.passerelle.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.passerelle.PasserelleApplication;
import org.passerelle.partners.PartnerRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.passerelle.partners.PartnerNetworks;
import org.passerelle.diagnostic.Departements;
import org.passerelle.partners.Partner;
import org.passerelle.partners.PartnerMatcher;
import org.passerelle.partners.PartnerRouting;
import org.passerelle.partners.YouthProfile;

/**
 * Matching benchmark (not a test): one youth, then 10,000, ranked against the national directory, i.e. the national
 * Missions Locales list ({@code ../shared/data}, loaded by the application as in production) and one service of every
 * other network per département; against the bare engine evaluating the same partnerRouting decision alone.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.MatchingBenchmark</pre>
 * Argument: [youths in the batch, default 10000]. Without the national list, synthetic Missions Locales (4 or 5 per
 * département) stand in, and the report says so. Matching reads the directory once: the database does not matter.
 */
public final class MatchingBenchmark {

    static final Path NATIONAL_LIST = Path.of(System.getenv().getOrDefault("PASSERELLE_MISSIONS_LOCALES_FILE",
            "../shared/data/referentiel_structures_milo.json"));

    private MatchingBenchmark() {
    }

    record Figures(String directory, int services, int missionsLocales, int batch, double oneP50Ms, double oneP95Ms,
            double batchSeconds, double bareP50Ms, double bareP95Ms, double bareBatchSeconds, double proposalsPerYouth) {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, MatchingBenchmark::measure);
    }

    static void measure(String[] args) throws Exception {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean national = Files.isReadable(NATIONAL_LIST);
        List<String> app = new ArrayList<>(List.of("--spring.profiles.active=test", "--server.port=0",
                "--logging.level.root=WARN"));
        if (national) {
            app.add("--passerelle.partners.missions-locales-file=" + NATIONAL_LIST.toAbsolutePath());
        }
        ConfigurableApplicationContext context = SpringApplication.run(PasserelleApplication.class, app.toArray(String[]::new));
        try {
            PartnerRepository partners = context.getBean(PartnerRepository.class);
            partners.saveAll(otherNetworks(!national));
            List<Partner> directory = partners.findAll().stream().filter(Partner::isActive).toList();
            PartnerRouting routing = context.getBean(PartnerRouting.class);
            DecisionService decisions = context.getBean(ProcessEngine.class).getDecisionService();
            Random random = new Random(42);
            LocalDate today = LocalDate.of(2026, 11, 23);
            List<YouthProfile> youths = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                youths.add(randomYouth(random, today));
            }
            for (int i = 0; i < 2_000; i++) { // warm-up
                match(youths.get(i % youths.size()), today, directory, routing);
                bare(youths.get(i % youths.size()), today, decisions);
            }
            double[] one = timeEach(youths, y -> match(y, today, directory, routing));
            double[] bareOne = timeEach(youths, y -> bare(y, today, decisions));
            long t0 = System.nanoTime();
            long proposals = 0;
            for (YouthProfile youth : youths) {
                proposals += match(youth, today, directory, routing).proposals().size();
            }
            double batchSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (YouthProfile youth : youths) {
                bare(youth, today, decisions);
            }
            double bareBatchSeconds = (System.nanoTime() - t0) / 1e9;
            long missionsLocales = directory.stream().filter(p -> PartnerNetworks.MISSION_LOCALE.equals(p.getNetwork())).count();
            Figures figures = new Figures(national ? "national" : "synthetic", directory.size(), (int) missionsLocales, batch,
                    one[0], one[1], batchSeconds, bareOne[0], bareOne[1], bareBatchSeconds, (double) proposals / batch);
            System.out.println(figures);
            write(figures);
        } finally {
            context.close();
        }
    }

    /** p50 and p95 in milliseconds of 1,000 single calls. */
    private static double[] timeEach(List<YouthProfile> youths, java.util.function.Consumer<YouthProfile> call) {
        double[] times = new double[1_000];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            call.accept(youths.get(i % youths.size()));
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(times);
        return new double[] {times[499], times[949]};
    }

    private static void write(Figures f) throws java.io.IOException {
        String directory = f.directory().equals("national")
                ? String.format(Locale.ROOT, "the national Missions Locales list (%,d loaded from `../shared/data`)", f.missionsLocales())
                : String.format(Locale.ROOT, "**synthetic** Missions Locales (%,d; the national list was not found)", f.missionsLocales());
        String md = "Written by `MatchingBenchmark` (README \"Benchmark\"): " + BenchmarkReport.header() + ".\n\n"
                + String.format(Locale.ROOT, "A youth ranked against %,d services: %s and one service of every other "
                        + "network per département. Passerelle's matching (the partnerRouting decision, then every "
                        + "service's criteria, coverage and score, each with its reasons) against the bare engine "
                        + "evaluating the same decision alone:%n%n", f.services(), directory)
                + "| | Passerelle | bare engine (decision alone) | Passerelle ÷ bare |\n|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| one youth, p50 | %.2f ms | %.2f ms | %.1f× |%n", f.oneP50Ms(), f.bareP50Ms(),
                        f.oneP50Ms() / f.bareP50Ms())
                + String.format(Locale.ROOT, "| one youth, p95 | %.2f ms | %.2f ms | %.1f× |%n", f.oneP95Ms(), f.bareP95Ms(),
                        f.oneP95Ms() / f.bareP95Ms())
                + String.format(Locale.ROOT, "| %,d youths | %.1f s | %.1f s | %.1f× |%n", f.batch(), f.batchSeconds(),
                        f.bareBatchSeconds(), f.batchSeconds() / f.bareBatchSeconds())
                + String.format(Locale.ROOT, "%n%.1f services proposed per youth on average. The directory is read once "
                        + "(database-independent); \"Classer les partenaires\" with the database is `ReferralProposalsBenchmark`.",
                        f.proposalsPerYouth());
        BenchmarkReport.replaceSection("## Partner matching against the national list", md);
        BenchmarkReport.writeJson("matching.json", String.format(Locale.ROOT,
                "{\"directory\":\"%s\",\"services\":%d,\"missionsLocales\":%d,\"oneP50Ms\":%.3f,\"oneP95Ms\":%.3f,"
                        + "\"batch\":%d,\"batchSeconds\":%.2f,\"bareOneP50Ms\":%.3f,\"bareOneP95Ms\":%.3f,\"bareBatchSeconds\":%.2f}",
                f.directory(), f.services(), f.missionsLocales(), f.oneP50Ms(), f.oneP95Ms(), f.batch(), f.batchSeconds(),
                f.bareP50Ms(), f.bareP95Ms(), f.bareBatchSeconds()));
    }

    private static void bare(YouthProfile youth, LocalDate today, DecisionService decisions) {
        decisions.evaluateDecisionByKey(PartnerRouting.DECISION_ID).variables(Variables.createVariables()
                .putValue("track", youth.track()).putValue("age", today.getYear() - youth.birthDate().getYear())
                .putValue("diplomaLevel", youth.diplomaLevel()).putValue("overseas", youth.overseas())
                .putValue("urgentBarrier", youth.urgentBarrier()).putValue("hasProject", youth.hasProject())
                .putValue("interetsJeune", "")).evaluate();
    }

    private static PartnerMatcher.Result match(YouthProfile youth, LocalDate today, List<Partner> directory, PartnerRouting routing) {
        int age = today.getYear() - youth.birthDate().getYear();
        return PartnerMatcher.match(youth, today, directory, NETWORKS, routing.preferredNetworks(youth, age), Map.of());
    }

    private static final Map<String, PartnerNetworks.Network> NETWORKS = PartnerNetworks.shipped();

    /** The services of every network but the Missions Locales per département; and synthetic Missions Locales if asked. */
    static List<Partner> otherNetworks(boolean withMissionsLocales) {
        List<Partner> partners = new ArrayList<>();
        int n = 0;
        for (String departement : Departements.codes()) {
            int missionsLocales = withMissionsLocales ? 4 + (departement.hashCode() & 1) : 0;
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

    /** The national-sized directory with synthetic Missions Locales (4 or 5 per département, about 455). */
    static List<Partner> directory() {
        return otherNetworks(true);
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
