package dev.tenet.app.cli;

import dev.tenet.core.bench.Benchmark;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenet bench}: judges a synthetic organization (rules, attack paths, scores) and prints the
 * time and heap it took against the budget. Needs no store.
 */
@Command(
    name = "bench",
    description = {
      "Benchmarks the engine on a synthetic organization: rules, attack paths and scores, timed,"
          + " with the peak heap. Budget: 10 s and 2 GB at 10,000 repositories.",
      "Run it with the heap limited to the budget: TENET_JAVA_OPTS=-Xmx2g ./tenet bench"
    })
final class BenchCommand implements Callable<Integer> {
  static final long TIME_BUDGET_MS = 10_000;
  static final long HEAP_BUDGET_BYTES = 2L * 1024 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(
      names = "--repositories",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Repositories in the synthetic organization (default ${DEFAULT-VALUE}).")
  int repositories;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the synthetic organization (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (repositories < 1 || repositories > 200_000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--repositories takes a number from 1 to 200000.");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Building a synthetic organization of " + repositories + " repositories...");
    out.flush();
    Benchmark.Result r = Benchmark.run(repositories, seed);
    out.printf(
        "Graph      %,d entities, %,d relations (built in %.1f s, not part of the budget)%n",
        r.entities(), r.relations(), r.buildMillis() / 1000.0);
    out.printf("Rules      %6.2f s  (%,d findings)%n", r.rulesMillis() / 1000.0, r.findings());
    out.printf(
        "Paths      %6.2f s  (%,d paths to %,d of %,d crown jewels; a cut of %,d fixes closes %s)%n",
        r.pathsMillis() / 1000.0,
        r.pathsFound(),
        r.reachableJewels(),
        r.crownJewels(),
        r.cut(),
        r.cutClosesAll() ? "them all" : "those it can");
    out.printf("Scores     %6.2f s%n", r.scoreMillis() / 1000.0);
    boolean timeOk = r.judgeMillis() <= TIME_BUDGET_MS;
    boolean heapOk =
        r.peakHeapBytes() <= HEAP_BUDGET_BYTES && r.maxHeapBytes() <= HEAP_BUDGET_BYTES;
    out.printf(
        "Total      %6.2f s  wall (%.2f s of CPU)    budget %d s    %s%n",
        r.judgeMillis() / 1000.0,
        r.judgeCpuMillis() / 1000.0,
        TIME_BUDGET_MS / 1000,
        timeOk ? "PASS" : "OVER");
    out.printf(
        "Peak heap  %6.2f GB  (heap limit %.2f GB)   budget 2 GB    %s%n",
        r.peakHeapBytes() / (1024.0 * 1024 * 1024),
        r.maxHeapBytes() / (1024.0 * 1024 * 1024),
        heapOk ? "PASS" : (r.peakHeapBytes() <= HEAP_BUDGET_BYTES ? "RUN WITH -Xmx2g" : "OVER"));
    if (!timeOk && r.judgeCpuMillis() <= TIME_BUDGET_MS) {
      out.println(
          "(The wall time is over the budget but the CPU time is not: the machine is busy with"
              + " other work. Run again when it is idle.)");
    }
    out.flush();
    return timeOk && heapOk ? ExitCodes.OK : ExitCodes.GATE_FAILED;
  }
}
