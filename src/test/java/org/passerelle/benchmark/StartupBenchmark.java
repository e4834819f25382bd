package org.passerelle.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import benchmark.bare.BareCamundaApplication;
import org.passerelle.testsupport.ChildApplication;
import org.passerelle.testsupport.Http;

/**
 * Startup to the first authenticated answer of the engine's REST API, and resident memory once started: Passerelle
 * against a bare Camunda Spring Boot application, each in its own JVM with the same options, alternated three times
 * (not a test). Each application starts on a new H2 file, then again on the database it just made: the first start
 * creates the schema and deploys the models; a restart, what a node of a running programme does, finds them there.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.StartupBenchmark</pre>
 */
public final class StartupBenchmark {

    private static final String PASSWORD = "bench-admin-password";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBenchmark() {
    }

    record Start(double seconds, long rssMegabytes) {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, StartupBenchmark::measure);
    }

    static void measure(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> passerelleArguments = List.of("--passerelle.demo.enabled=false",
                "--camunda.bpm.admin-user.password=" + PASSWORD);
        List<String> bareArguments = List.of("--spring.config.name=bare-camunda",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + PASSWORD,
                "--camunda.bpm.auto-deployment-enabled=false", "--springdoc.api-docs.enabled=false",
                "--spring.datasource.url=jdbc:h2:file:./data/bare;WRITE_DELAY=0");
        List<Start> passerelle = new ArrayList<>();
        List<Start> bare = new ArrayList<>();
        List<Start> passerelleRestarts = new ArrayList<>();
        List<Start> bareRestarts = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path passerelleDirectory = Files.createTempDirectory("passerelle-startup");
            Path bareDirectory = Files.createTempDirectory("bare-startup");
            passerelle.add(start("org.passerelle.PasserelleApplication", passerelleArguments, passerelleDirectory));
            bare.add(start(BareCamundaApplication.class.getName(), bareArguments, bareDirectory));
            passerelleRestarts.add(start("org.passerelle.PasserelleApplication", passerelleArguments, passerelleDirectory));
            bareRestarts.add(start(BareCamundaApplication.class.getName(), bareArguments, bareDirectory));
        }
        Start p = median(passerelle);
        Start b = median(bare);
        Start pr = median(passerelleRestarts);
        Start br = median(bareRestarts);
        String body = "Written by `StartupBenchmark` (README \"Benchmark\"): " + BenchmarkReport.header() + ". Each application "
                + "in its own JVM (`-Xmx512m`, the test classpath), from launch to the first `200` of "
                + "`GET /engine-rest/engine` with the administrator's credentials, then resident memory (VmRSS); median of "
                + rounds + " alternated starts. A first start is on a new H2 file (schema, migrations, deployment); a restart "
                + "is on the database that start made, as a node of a running programme restarts. The bare application "
                + "is Camunda's starter (engine, webapps, REST) with none of "
                + "Passerelle's beans, settings, migrations or security.\n\n"
                + "| | Passerelle | bare Camunda | Passerelle ÷ bare |\n|---|---|---|---|\n"
                + row("first start to first authenticated answer", p, b)
                + memoryRow("resident memory after a first start", p, b)
                + row("restart to first authenticated answer", pr, br)
                + memoryRow("resident memory after a restart", pr, br);
        BenchmarkReport.replaceSection("## Passerelle against the bare engine: startup and memory", body);
        BenchmarkReport.writeJson("startup.json", String.format(Locale.ROOT,
                "{\"passerelleSeconds\":%.1f,\"bareSeconds\":%.1f,\"passerelleRssMb\":%d,\"bareRssMb\":%d,"
                        + "\"passerelleRestartSeconds\":%.1f,\"bareRestartSeconds\":%.1f,"
                        + "\"passerelleRestartRssMb\":%d,\"bareRestartRssMb\":%d}",
                p.seconds(), b.seconds(), p.rssMegabytes(), b.rssMegabytes(),
                pr.seconds(), br.seconds(), pr.rssMegabytes(), br.rssMegabytes()));
        System.out.println(body);
    }

    private static String row(String label, Start passerelle, Start bare) {
        return String.format(Locale.ROOT, "| %s | %.1f s | %.1f s | %.2f× |%n", label, passerelle.seconds(), bare.seconds(),
                passerelle.seconds() / bare.seconds());
    }

    private static String memoryRow(String label, Start passerelle, Start bare) {
        return String.format(Locale.ROOT, "| %s | %d MB | %d MB | %.2f× |%n", label, passerelle.rssMegabytes(),
                bare.rssMegabytes(), (double) passerelle.rssMegabytes() / bare.rssMegabytes());
    }

    private static Start start(String mainClass, List<String> arguments, Path directory) throws Exception {
        int port = ChildApplication.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", ChildApplication.testClasspath(), mainClass, "--server.port=" + port,
                "--logging.level.root=WARN"));
        command.addAll(arguments);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("out.log").toFile())).start();
        try {
            while (!answers(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(mainClass + " stopped; see " + directory.resolve("out.log"));
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - launched) / 1e9;
            Thread.sleep(2000);
            long rss = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
            System.out.printf(Locale.ROOT, "%s: %.1f s, %d MB%n", mainClass, seconds, rss);
            return new Start(seconds, rss);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean answers(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
                    .header("Authorization", Http.basic("admin", PASSWORD)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Start median(List<Start> starts) {
        List<Double> seconds = new ArrayList<>(starts.stream().map(Start::seconds).toList());
        List<Long> rss = new ArrayList<>(starts.stream().map(Start::rssMegabytes).toList());
        Collections.sort(seconds);
        Collections.sort(rss);
        return new Start(seconds.get(seconds.size() / 2), rss.get(rss.size() / 2));
    }
}
