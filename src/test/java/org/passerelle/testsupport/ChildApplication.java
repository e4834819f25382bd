package org.passerelle.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Passerelle in its own JVM (the test's classpath), to be killed for real: {@link #kill()} sends SIGKILL,
 * so nothing of the application's shutdown runs, as in a power cut of the node.
 */
public final class ChildApplication implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private ChildApplication(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the application in {@code workingDirectory} (its default H2 file lands there) and waits until it is ready. */
    public static ChildApplication start(Path workingDirectory, List<String> arguments) throws IOException {
        ChildApplication child = launch(workingDirectory, arguments);
        child.awaitReady(workingDirectory);
        return child;
    }

    /** Starts the application without waiting (several nodes started at once). */
    public static ChildApplication launch(Path workingDirectory, List<String> arguments) throws IOException {
        return launch(workingDirectory, "org.passerelle.PasserelleApplication", arguments);
    }

    /** Starts this main class of the test classpath (a node that seeds data once started, {@link SeedingNode}). */
    public static ChildApplication launch(Path workingDirectory, String mainClass, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", testClasspath(),
                mainClass, "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workingDirectory.resolve("child.log").toFile()))
                .start();
        return new ChildApplication(process, port);
    }

    /** Waits (generously: loaded machines) until the node is ready, as a load balancer would see it. */
    public void awaitReady(Path workingDirectory) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child application stopped; see " + workingDirectory.resolve("child.log"));
            }
            return answers();
        });
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the JVM gets no chance to flush, commit or shut down anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: Spring closes the context (the database is released). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean answers() {
        try {
            // As a load balancer would: ready means the database answers and the job executor runs.
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The test classpath, also under {@code exec:java} (whose own JVM classpath is Maven's). */
    public static String testClasspath() {
        if (ChildApplication.class.getClassLoader() instanceof java.net.URLClassLoader loader && loader.getURLs().length > 1) {
            return java.util.Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (java.net.URISyntaxException unusable) {
                    throw new IllegalStateException(unusable);
                }
            }).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
