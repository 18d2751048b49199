package dev.tenet.connectors.gitlab;

import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ScanListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The GitLab connector against the emulator at benchmark sizes: requests per project on a first
 * scan (target 15 at most), the share of 304s when rescanning with the response cache, and wall
 * time, with a network latency per request. Run it with:
 *
 * <pre>
 * ./mvnw -q -B -pl connectors -am -Pbenchmark -DskipTests test [-Dbenchmark.args="100 1000 --latency-ms 10"]
 * </pre>
 */
public final class GitLabBenchmark {
  private static final String TOKEN = "glpat-benchmark-token-00000000";

  private GitLabBenchmark() {}

  public static void main(String[] args) throws Exception {
    int latency = 10;
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--latency-ms")) {
        latency = Integer.parseInt(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = java.util.List.of(100, 1000);
    }
    PrintStream out = System.out;
    HttpPolicy policy = HttpPolicy.defaults();
    out.printf(
        "GitLab connector benchmark: emulator latency %d ms per request, %d requests in flight%n",
        latency, policy.maxConcurrency());
    out.printf(
        "%8s %7s | %14s %12s %9s | %14s %7s %9s%n",
        "projects",
        "groups",
        "first requests",
        "per project",
        "wall",
        "rescan requests",
        "304s",
        "wall");
    // A small unreported round first, so that class loading and JIT do not count as scan time.
    run(20, 0, policy, null);
    for (int size : sizes) {
      run(size, latency, policy, out);
    }
  }

  private static void run(int projects, int latency, HttpPolicy policy, PrintStream out)
      throws Exception {
    SampleGroup sample = SampleGroup.synthetic(projects);
    Path cache = Files.createTempDirectory("tenet-gitlab-bench");
    try (GitLabEmulator gitlab =
        GitLabEmulator.start(sample, TOKEN).latency(Duration.ofMillis(latency))) {
      Result first = scan(gitlab, policy, cache);
      if (first.requests != gitlab.requestCount()) {
        throw new IllegalStateException(
            "counted " + first.requests + " requests, the emulator saw " + gitlab.requestCount());
      }
      gitlab.resetLog();
      Result again = scan(gitlab, policy, cache);
      if (out == null) {
        return;
      }
      out.printf(
          "%8d %7d | %14d %12.1f %8.1fs | %15d %6.1f%% %8.1fs%n",
          projects,
          sample.groups().size(),
          first.requests,
          (double) first.requests / projects,
          first.wall.toMillis() / 1000.0,
          again.requests,
          100.0 * again.notModified / again.requests,
          again.wall.toMillis() / 1000.0);
    } finally {
      delete(cache);
    }
  }

  private record Result(long requests, long notModified, Duration wall) {}

  private static Result scan(GitLabEmulator gitlab, HttpPolicy policy, Path cache)
      throws Exception {
    CollectContext context =
        new CollectContext(ScanListener.NONE, new Cancellation(), Instant.now());
    long start = System.nanoTime();
    new GitLabConnector(
            gitlab.url().toString(),
            gitlab.sample().path(),
            Secret.of(TOKEN),
            policy,
            new DiskResponseCache(cache))
        .collect(context);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new Result(context.requests(), context.notModified(), wall);
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
