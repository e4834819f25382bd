package org.passerelle.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the benchmarks write: their own section of BENCHMARKS.md (machine, date, commit) and a JSON file. */
final class BenchmarkReport {

    private static final Path FILE = Path.of("BENCHMARKS.md");

    private BenchmarkReport() {
    }

    /** A benchmark's measurement, run from its own main or from {@link AllBenchmarks}. */
    interface Measure {
        void run(String[] args) throws Exception;
    }

    /** Runs it and ends the JVM (the applications it started leave threads behind); 1 when it failed. */
    static void runAndExit(String[] args, Measure measure) {
        try {
            measure.run(args);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** The arguments after the benchmark's own, passed on to the application (a setting being tried). */
    static java.util.List<String> applicationArguments(String[] args, int own) {
        return java.util.List.of(args).subList(Math.min(own, args.length), args.length);
    }

    /** "2026-12-02, commit `abc1234`, 2 cores, Linux amd64, Java 17". */
    static String header() {
        String commit;
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            commit = new String(git.getInputStream().readAllBytes()).strip();
        } catch (Exception noGit) {
            commit = "unknown";
        }
        return java.time.LocalDate.now() + ", commit `" + commit + "`, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version");
    }

    /** Replaces the section under this heading (up to the next one), or adds it at the end. */
    static void replaceSection(String heading, String body) throws java.io.IOException {
        String text = Files.exists(FILE) ? Files.readString(FILE) : "# Benchmarks\n";
        String section = heading + "\n\n" + body.strip() + "\n\n";
        int start = text.indexOf(heading + "\n");
        if (start < 0) {
            text = text.stripTrailing() + "\n\n" + section;
        } else {
            int next = text.indexOf("\n## ", start + heading.length());
            text = text.substring(0, start) + section + (next < 0 ? "" : text.substring(next + 1));
        }
        Files.writeString(FILE, text.stripTrailing() + "\n");
    }

    static void writeJson(String name, String json) {
        try {
            Files.createDirectories(Path.of("target", "benchmarks"));
            Files.writeString(Path.of("target", "benchmarks", name), json);
        } catch (java.io.IOException unwritable) {
            throw new java.io.UncheckedIOException(unwritable);
        }
    }
}
