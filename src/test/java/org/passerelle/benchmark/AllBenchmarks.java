package org.passerelle.benchmark;

/**
 * Passerelle's cost against the bare engine in one run on this machine, written to BENCHMARKS.md and
 * target/benchmarks/*.json (not part of {@code verify}): webhook acknowledgement and intake, nudge timers and the
 * worklist, nudge timers on one and two nodes, partner matching against the national list, startup and memory.
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.passerelle.benchmark.AllBenchmarks</pre>
 * Arguments: [timers, default 10000] [open tasks, default 50000].
 */
public final class AllBenchmarks {

    private AllBenchmarks() {
    }

    public static void main(String[] args) {
        BenchmarkReport.runAndExit(args, arguments -> {
            IntakeBenchmark.measure(new String[] {"2000", "200"});
            EngineCostBenchmark.measure(new String[] {arguments.length > 0 ? arguments[0] : "10000",
                    arguments.length > 1 ? arguments[1] : "50000"});
            TwoNodeTimersBenchmark.measure(new String[] {arguments.length > 0 ? arguments[0] : "10000"});
            MatchingBenchmark.measure(new String[] {"10000"});
            StartupBenchmark.measure(new String[] {"3"});
        });
    }
}
