package dev.tenet.app.cli;

import dev.tenet.app.bench.GitHubBenchmark;
import dev.tenet.app.service.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenet benchmark}: measures the GitHub connector against the local emulator with network
 * latency (requests per repository, 304 share on rescan, resume, wall time). Needs no store, no
 * token and no network.
 */
@Command(
    name = "benchmark",
    description =
        "Measures the GitHub connector against the local GitHub emulator with network latency:"
            + " requests per repository, share of 304s on an unchanged rescan, an interrupted scan"
            + " resumed, and wall times.")
final class BenchmarkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--repos",
      split = ",",
      paramLabel = "N",
      description = "Organization sizes to measure (default: ${DEFAULT-VALUE}).",
      defaultValue = "100,1000")
  List<Integer> sizes;

  @Option(
      names = "--latency-ms",
      paramLabel = "MS",
      description = "Latency of every emulated request (default: ${DEFAULT-VALUE}).",
      defaultValue = "50")
  int latencyMs;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only the results table.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sizes.stream().anyMatch(n -> n < 1 || n > 20_000) || latencyMs < 0 || latencyMs > 5_000) {
      throw new UserError("--repos takes sizes from 1 to 20000, --latency-ms from 0 to 5000.");
    }
    Path work = Files.createTempDirectory("tenet-benchmark");
    try {
      out.printf(
          "%6s %8s %10s %6s %9s %10s %8s %10s %9s %10s %6s%n",
          "REPOS",
          "REQUESTS",
          "REQ/REPO",
          "DUPS",
          "FIRST",
          "RESCAN-304",
          "RESCAN",
          "RESUMED-REQ",
          "REFETCHED",
          "RESUMED",
          "WAITS");
      out.flush();
      for (int n : sizes) {
        GitHubBenchmark.Result r =
            GitHubBenchmark.run(
                n,
                Duration.ofMillis(latencyMs),
                work,
                line -> {
                  if (!quiet) {
                    err.println("  " + line);
                    err.flush();
                  }
                });
        out.printf(
            Locale.ROOT,
            "%6d %8d %10.1f %6d %9s %9.1f%% %8s %10d/%d %9d %10s %6d%n",
            r.repositories(),
            r.firstRequests(),
            r.requestsPerRepository(),
            r.duplicates(),
            seconds(r.firstWall()),
            100 * r.notModifiedShare(),
            seconds(r.rescanWall()),
            r.resumedRequests(),
            r.firstRequests(),
            r.refetched(),
            seconds(r.resumedWall()),
            r.waits());
        out.flush();
      }
      out.println(
          "latency "
              + latencyMs
              + " ms per request; REQUESTS and REQ/REPO count every request of a first scan"
              + " (organization endpoints included); RESUMED-REQ is what a scan interrupted"
              + " halfway still had to ask, of a full scan's; REFETCHED counts answers it asked"
              + " for twice.");
      out.flush();
    } finally {
      delete(work);
    }
    return ExitCodes.OK;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
