package dev.tenet.connectors.github;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.coverage.CoverageGapRule;
import dev.tenet.core.rules.github.GitHubRules;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.ScanListener;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs the GitHub connector and the GitHub rules (plus coverage gaps), for tests: what the workflow
 * files it hands over hold is judged by the pipeline rules, tested on their own.
 */
final class Scans {
  static final Instant NOW = Instant.now();

  private static final RuleCatalog GITHUB_RULES =
      new RuleCatalog(
          WeaknessCatalog.standard(),
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of(new CoverageGapRule()), GitHubRules.all().stream())
              .toList());

  private Scans() {}

  record Result(CollectContext context, Evaluation evaluation, List<String> waits) {
    /** "weakness resource" of every finding, sorted. */
    TreeSet<String> findings() {
      TreeSet<String> out = new TreeSet<>();
      for (Finding f : evaluation.findings()) {
        out.add(f.weakness().id() + " " + f.resource());
      }
      return out;
    }

    TreeSet<String> findings(String weakness) {
      TreeSet<String> out = new TreeSet<>();
      for (Finding f : evaluation.findings()) {
        if (f.weakness().id().equals(weakness)) {
          out.add(f.resource());
        }
      }
      return out;
    }
  }

  static Result run(GitHubConnector connector) throws Exception {
    return run(connector, new Cancellation(), ScanListener.NONE);
  }

  static Result run(GitHubConnector connector, Cancellation cancellation, ScanListener extra)
      throws Exception {
    List<String> waits = new ArrayList<>();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void waiting(
              dev.tenet.core.model.ScopeEntry scope, Duration duration, String reason) {
            synchronized (waits) {
              waits.add(reason);
            }
          }

          @Override
          public void progress(
              dev.tenet.core.model.ScopeEntry scope, int done, int total, String item) {
            extra.progress(scope, done, total, item);
          }
        };
    CollectContext context = new CollectContext(listener, cancellation, NOW);
    connector.collect(context);
    Evaluation evaluation =
        new RuleEngine(GITHUB_RULES)
            .evaluate(
                new RuleContext(
                    context.graph(),
                    context.sources(),
                    context.blindSpots(),
                    NOW,
                    RuleSettings.defaults()));
    return new Result(context, evaluation, waits);
  }

  static GitHubConnector token(GitHubEmulator emulator, String token, ResponseCache cache) {
    return new GitHubConnector(
        emulator.apiUrl().toString(),
        emulator.organization().login(),
        new GitHubCredentials.PersonalToken(Secret.of(token)),
        HttpPolicy.defaults().withBackoff(Duration.ofMillis(5)),
        cache,
        Clock.systemUTC());
  }

  static GitHubConnector app(
      GitHubEmulator emulator, GitHubCredentials.App app, ResponseCache cache, Clock clock) {
    return new GitHubConnector(
        emulator.apiUrl().toString(),
        emulator.organization().login(),
        app,
        HttpPolicy.defaults().withBackoff(Duration.ofMillis(5)),
        cache,
        clock);
  }

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static String pkcs8Pem(KeyPair key) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
