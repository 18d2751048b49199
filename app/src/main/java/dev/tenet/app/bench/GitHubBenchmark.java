package dev.tenet.app.bench;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.github.GitHubCredentials;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ScanListener;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Measures the GitHub connector against the emulator with network latency: requests per repository
 * on a first scan, the share of 304s on an unchanged rescan, a scan interrupted halfway and
 * resumed, and wall times. The organization is the demo's, repeated to the size asked for; Tenet
 * signs in as a GitHub App (the emulator grants it 15,000 requests an hour, as GitHub does for apps
 * of large Enterprise Cloud organizations).
 */
public final class GitHubBenchmark {
  private GitHubBenchmark() {}

  /**
   * @param firstRequests counted requests of the first scan (every request sent)
   * @param duplicates requests of the first scan that asked for something it had already asked
   * @param rescanNotModified requests of the rescan answered 304
   * @param resumedRequests requests of the scan resuming one interrupted halfway
   * @param refetched requests of the resumed scan that the interrupted one had already answered
   * @param waits rate-limit waits reported over all scans
   */
  public record Result(
      int repositories,
      Duration latency,
      long firstRequests,
      int duplicates,
      Duration firstWall,
      long rescanRequests,
      long rescanNotModified,
      Duration rescanWall,
      long interruptedRequests,
      long resumedRequests,
      long refetched,
      Duration resumedWall,
      int waits,
      int workflowFiles) {

    public double requestsPerRepository() {
      return (double) firstRequests / repositories;
    }

    public double notModifiedShare() {
      return rescanRequests == 0 ? 0 : (double) rescanNotModified / rescanRequests;
    }
  }

  public static Result run(
      int repositories, Duration latency, Path workFolder, Consumer<String> progress)
      throws InterruptedException, ConnectorException {
    KeyPair key = keyPair();
    String appId = "77100";
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    GitHubCredentials credentials = new GitHubCredentials.App(appId, Secret.of(pem));
    AtomicInteger waits = new AtomicInteger();
    try (GitHubEmulator emulator =
        GitHubEmulator.start(SampleOrganization.synthetic(repositories), "ghp_unused")
            .app(appId, key.getPublic(), Duration.ofHours(1))
            .latency(latency)) {
      Path cache = workFolder.resolve("cache-" + repositories);
      progress.accept(repositories + " repositories, " + latency.toMillis() + " ms: first scan");
      Scan first = scan(emulator, credentials, cache, null, waits);
      List<String> firstLog = emulator.requestLog();
      int duplicates = duplicates(firstLog);

      progress.accept(repositories + " repositories: rescan, nothing changed");
      emulator.resetLog();
      Scan rescan = scan(emulator, credentials, cache, null, waits);

      progress.accept(repositories + " repositories: scan interrupted halfway, then resumed");
      Path fresh = workFolder.resolve("resume-" + repositories);
      emulator.resetLog();
      Scan interrupted = scan(emulator, credentials, fresh, repositories / 2, waits);
      Set<String> answered = new HashSet<>(gets(emulator.requestLog()));
      emulator.resetLog();
      Scan resumed = scan(emulator, credentials, fresh, null, waits);
      long refetched = gets(emulator.requestLog()).stream().filter(answered::contains).count();

      return new Result(
          repositories,
          latency,
          first.requests,
          duplicates,
          first.wall,
          rescan.requests,
          rescan.notModified,
          rescan.wall,
          interrupted.requests,
          resumed.requests,
          refetched,
          resumed.wall,
          waits.get(),
          first.sources);
    } finally {
      ((GitHubCredentials.App) credentials).privateKeyPem().destroy();
    }
  }

  private record Scan(long requests, long notModified, Duration wall, int sources) {}

  private static Scan scan(
      GitHubEmulator emulator,
      GitHubCredentials credentials,
      Path cache,
      Integer stopAfter,
      AtomicInteger waits)
      throws InterruptedException, ConnectorException {
    Cancellation cancellation = new Cancellation();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void progress(ScopeEntry scope, int done, int total, String item) {
            if (stopAfter != null && total > 0 && done >= stopAfter) {
              cancellation.cancel();
            }
          }

          @Override
          public void waiting(ScopeEntry scope, Duration duration, String reason) {
            waits.incrementAndGet();
          }
        };
    CollectContext context = new CollectContext(listener, cancellation, Instant.now());
    GitHubConnector connector =
        new GitHubConnector(
            emulator.apiUrl().toString(),
            emulator.organization().login(),
            credentials,
            HttpPolicy.defaults(),
            new DiskResponseCache(cache),
            Clock.systemUTC());
    // Each scan has the hour's budget to itself, as scans run hours apart.
    emulator.rateLimit(15_000, Duration.ofHours(1));
    long start = System.nanoTime();
    try {
      connector.collect(context);
    } catch (CancellationException expected) {
      // The interrupted scan: what it read stays in the cache for the resumed one.
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new Scan(context.requests(), context.notModified(), wall, context.sources().size());
  }

  /** Requests of one scan that repeat an earlier GET of the same scan. */
  static int duplicates(List<String> log) {
    Map<String, Integer> seen = new HashMap<>();
    int duplicates = 0;
    for (String get : gets(log)) {
      if (seen.merge(get, 1, Integer::sum) > 1) {
        duplicates++;
      }
    }
    return duplicates;
  }

  /** "GET /path?query" of every GET in the log (the status left out). */
  private static List<String> gets(List<String> log) {
    return log.stream()
        .filter(l -> l.startsWith("GET "))
        .map(l -> l.substring(0, l.lastIndexOf(' ')))
        .toList();
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
