package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ScanListener;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector against the emulator: tokens and their visibility, faults, limits, resuming. */
class GitHubConnectorEmulatorTest {
  private static final String TOKEN = "ghp_0123456789abcdef0123456789abcdef0123";
  @TempDir Path temp;

  private static GitHubEmulator emulator() {
    return GitHubEmulator.start(SampleOrganization.demo(), TOKEN);
  }

  @Test
  void aNonOwnerTokenLeavesBlindSpotsNamingThePermissionNeverPasses() throws Exception {
    try (GitHubEmulator e = emulator().ownerToken(false)) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      List<BlindSpot> spots = scan.context().blindSpots();
      assertThat(spots)
          .anySatisfy(
              s -> {
                assertThat(s.resource()).isEqualTo("github:acme-corp");
                assertThat(s.what()).contains("two-factor requirement");
                assertThat(s.remedy()).contains("organization owner");
              })
          .anySatisfy(
              s -> {
                assertThat(s.resource()).isEqualTo("github:acme-corp");
                assertThat(s.what()).contains("organization webhooks");
                assertThat(s.reason()).contains("403");
                assertThat(s.remedy()).contains("admin:org_hook");
              })
          .anySatisfy(
              s -> {
                assertThat(s.resource()).isEqualTo("github:acme-corp/payments-api");
                assertThat(s.what()).contains("deploy keys, webhooks");
                assertThat(s.remedy()).contains("Administration: read");
              });
      // One blind spot per repository and remedy, not one per endpoint.
      long paymentsSpots =
          spots.stream().filter(s -> s.resource().equals("github:acme-corp/payments-api")).count();
      assertThat(paymentsSpots).isLessThanOrEqualTo(3);
      // What could not be seen is unknown, never a pass.
      RuleTally orgMfa = tally(scan, "GH-ORG-001");
      assertThat(orgMfa.unknown()).isEqualTo(1);
      assertThat(orgMfa.passed()).isZero();
      assertThat(tally(scan, "GH-HOOK-002").passed()).isZero();
      assertThat(tally(scan, "GH-BRANCH-004").passed()).isZero();
      assertThat(scan.findings("coverage-gap"))
          .contains("github:acme-corp", "github:acme-corp/payments-api");
      // The rulesets, readable with repository read access, still protect their branches.
      assertThat(scan.findings("branch-unprotected"))
          .doesNotContain("github:acme-corp/payments-web#branch/main");
    }
  }

  @Test
  void aClassicTokenIsJudgedByItsScopesAndFineGrainedGrantsNeedAnApp() throws Exception {
    try (GitHubEmulator e =
        emulator().tokenKind(GitHubEmulator.TokenKind.CLASSIC, "read:org, repo, admin:org_hook")) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      Entity scanner = scan.context().graph().get("github:acme-corp#scanner-token/tenet");
      assertThat(scanner.text("tokenType")).contains("classic-pat");
      assertThat(scanner.list("scopes")).containsExactly("read:org", "repo", "admin:org_hook");
      assertThat(scan.findings("scanner-token-overprivileged"))
          .containsExactly("github:acme-corp#scanner-token/tenet");
      assertThat(scan.context().blindSpots())
          .anySatisfy(
              s -> {
                assertThat(s.what()).contains("fine-grained personal access tokens");
                assertThat(s.remedy())
                    .contains("GitHub App")
                    .contains("Personal access tokens: read");
              });
    }
  }

  @Test
  void aFineGrainedTokenShowsNoScopesSoItsPrivilegeIsUnknown() throws Exception {
    String fineGrained = "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";
    try (GitHubEmulator e =
        GitHubEmulator.start(SampleOrganization.demo(), fineGrained)
            .tokenKind(GitHubEmulator.TokenKind.FINE_GRAINED, null)) {
      Scans.Result scan = Scans.run(Scans.token(e, fineGrained, ResponseCache.NONE));
      Entity scanner = scan.context().graph().get("github:acme-corp#scanner-token/tenet");
      assertThat(scanner.text("tokenType")).contains("fine-grained-pat");
      assertThat(scanner.has("scopes")).isFalse();
      assertThat(tally(scan, "GH-TOKEN-003").unknown()).isEqualTo(1);
    }
  }

  @Test
  void anUnchangedRescanIsAnsweredByNotModifiedAndFindsTheSame() throws Exception {
    try (GitHubEmulator e = emulator()) {
      DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
      Scans.Result first = Scans.run(Scans.token(e, TOKEN, cache));
      Scans.Result again = Scans.run(Scans.token(e, TOKEN, cache));
      assertThat(again.findings()).isEqualTo(first.findings());
      assertThat(again.context().requests()).isEqualTo(first.context().requests());
      double share = (double) again.context().notModified() / again.context().requests();
      assertThat(share).isGreaterThanOrEqualTo(0.9);
      assertThat(first.context().notModified()).isZero();
    }
  }

  @Test
  void anInterruptedScanResumesWithoutAskingAgainAndEndsLikeAFullOne() throws Exception {
    try (GitHubEmulator e = emulator()) {
      Scans.Result reference = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      long fullRequests = reference.context().requests();
      DiskResponseCache cache = new DiskResponseCache(temp.resolve("resume"));
      Cancellation cancel = new Cancellation();
      ScanListener stopHalfway =
          new ScanListener() {
            @Override
            public void progress(ScopeEntry scope, int done, int total, String item) {
              if (total > 0 && done >= total / 2) {
                cancel.cancel();
              }
            }
          };
      e.resetLog();
      assertThatThrownBy(() -> Scans.run(Scans.token(e, TOKEN, cache), cancel, stopHalfway))
          .isInstanceOf(CancellationException.class);
      List<String> answered = gets(e.requestLog());
      e.resetLog();
      Scans.Result resumed = Scans.run(Scans.token(e, TOKEN, cache));
      List<String> askedAgain = gets(e.requestLog()).stream().filter(answered::contains).toList();
      // Only what was in flight when the scan stopped may be asked again: the server answered it,
      // but the cancelled scan dropped the answer before storing it.
      assertThat(askedAgain.size())
          .as("asked again: %s", askedAgain)
          .isLessThanOrEqualTo(HttpPolicy.defaults().maxConcurrency());
      assertThat(resumed.context().requests()).isLessThan(fullRequests - answered.size() / 2);
      assertThat(resumed.findings()).isEqualTo(reference.findings());
      // Finished: the next scan starts afresh (and revalidates) instead of resuming.
      e.resetLog();
      Scans.Result next = Scans.run(Scans.token(e, TOKEN, cache));
      assertThat(next.context().requests()).isEqualTo(fullRequests);
    }
  }

  @Test
  void rateLimitsAreWaitedOutAndReportedTheScanCompletes() throws Exception {
    try (GitHubEmulator e = emulator().rateLimit(150, Duration.ofSeconds(2))) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      assertThat(scan.waits()).isNotEmpty().allMatch(w -> w.contains("rate limit"));
      assertThat(exceptTokenGrants(scan.context().blindSpots())).isEmpty();
      assertThat(scan.findings())
          .containsAll(
              GitHubDemoOrganizationTest.PLANTED.stream()
                  .filter(f -> !f.startsWith("token-") && !f.contains("#token/"))
                  .toList());
    }
  }

  @Test
  void transientFaultsAreRetriedAndAResourceThatKeepsFailingBecomesABlindSpot() throws Exception {
    try (GitHubEmulator e =
        emulator()
            .fail("/orgs/acme-corp/hooks", 502)
            .fail("/repos/acme-corp/payments-api/keys", 503, 503, 503, 503)
            .fail("/orgs/acme-corp/teams\\?", 429)
            .fail("/repos/acme-corp/sdk-go/keys", GitHubEmulator.TRUNCATED)) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      assertThat(scan.findings("webhook-unauthenticated")).contains("github:acme-corp#hook/4102");
      assertThat(scan.findings("team-access-broad")).contains("github:acme-corp#team/engineering");
      assertThat(exceptTokenGrants(scan.context().blindSpots()))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.resource()).isEqualTo("github:acme-corp/payments-api");
                assertThat(s.what()).isEqualTo("deploy keys");
                assertThat(s.reason()).contains("503").contains("after 4 attempts");
                assertThat(s.remedy()).contains("scan again");
              });
      assertThat(e.requestLog())
          .contains(
              "GET /api/v3/orgs/acme-corp/hooks?per_page=100 502",
              "GET /api/v3/repos/acme-corp/sdk-go/keys?per_page=100 truncated");
    }
  }

  @Test
  void securitySettingsMissingFromTheListAreReadFromTheRepository() throws Exception {
    try (GitHubEmulator e = emulator().securityInRepositoryLists(false)) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      assertThat(scan.findings("secret-scanning-disabled"))
          .containsExactlyInAnyOrder(
              "github:acme-corp/analytics-pipeline",
              "github:acme-corp/ml-models",
              "github:acme-corp/sandbox");
      assertThat(scan.findings("vulnerability-alerts-disabled"))
          .containsExactlyInAnyOrder(
              "github:acme-corp/internal-tools",
              "github:acme-corp/oncall-runbooks",
              "github:acme-corp/sandbox");
      assertThat(exceptTokenGrants(scan.context().blindSpots())).isEmpty();
      assertThat(e.requestLog()).contains("GET /api/v3/repos/acme-corp/sandbox 200");
    }
  }

  @Test
  void aServerWithoutRulesetsJudgesClassicProtectionAlone() throws Exception {
    try (GitHubEmulator e = emulator().withoutRulesets()) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      assertThat(exceptTokenGrants(scan.context().blindSpots()))
          .singleElement()
          .satisfies(b -> assertThat(b.what()).isEqualTo("the organization rulesets"));
      // Classic protection still counts; branches protected by rulesets now show as unprotected.
      assertThat(scan.findings("branch-unprotected"))
          .contains("github:acme-corp/payments-web#branch/main")
          .doesNotContain("github:acme-corp/payments-api#branch/main");
    }
  }

  @Test
  void enterpriseServerKeepsSingleSignOnAsABlindSpot() throws Exception {
    try (GitHubEmulator e = emulator().enterpriseServer("3.14.2")) {
      Scans.Result scan = Scans.run(Scans.token(e, TOKEN, ResponseCache.NONE));
      assertThat(scan.context().blindSpots())
          .anySatisfy(s -> assertThat(s.remedy()).contains("Management Console"));
      assertThat(tally(scan, "GH-ORG-004").unknown()).isEqualTo(1);
      assertThat(e.requestLog()).noneMatch(l -> l.contains("credential-authorizations"));
    }
  }

  @Test
  void aRejectedTokenOrAMissingOrganizationEndsTheConnectionWithOneSentence() {
    try (GitHubEmulator e = emulator()) {
      assertThatThrownBy(() -> Scans.run(Scans.token(e, "ghp_wrong", ResponseCache.NONE)))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("rejected the token")
          .hasMessageNotContaining("ghp_wrong");
      GitHubConnector other =
          new GitHubConnector(
              e.apiUrl().toString(),
              "nope",
              Secret.of(TOKEN),
              dev.tenet.connectors.http.HttpPolicy.defaults(),
              ResponseCache.NONE);
      assertThatThrownBy(() -> Scans.run(other))
          .isInstanceOf(ConnectorException.class)
          .hasMessage(
              "GitHub organization 'nope' was not found at "
                  + e.apiUrl()
                  + ", or the token cannot see it.");
    }
  }

  @Test
  void anAppInstallationTokenIsRenewedWhenGitHubRejectsIt() throws Exception {
    KeyPair key = Scans.keyPair();
    try (GitHubEmulator e = emulator().app("77100", key.getPublic(), Duration.ofHours(1))) {
      GitHubCredentials.App app =
          new GitHubCredentials.App("77100", Secret.of(Scans.pkcs8Pem(key)));
      Scans.Result scan =
          Scans.run(
              Scans.app(e, app, ResponseCache.NONE, Clock.systemUTC()),
              new Cancellation(),
              new ScanListener() {
                @Override
                public void progress(ScopeEntry scope, int done, int total, String item) {
                  if (total > 0 && done == total / 2) {
                    e.revokeInstallationTokens(); // GitHub answers 401 to the token from now on.
                  }
                }
              });
      assertThat(e.installationTokensIssued()).isEqualTo(2);
      assertThat(scan.context().blindSpots()).isEmpty();
      assertThat(scan.findings())
          .containsExactlyElementsOf(new java.util.TreeSet<>(GitHubDemoOrganizationTest.PLANTED));
    }
  }

  @Test
  void anAppInstallationTokenIsReplacedBeforeItExpires() throws Exception {
    KeyPair key = Scans.keyPair();
    MutableClock clock = new MutableClock();
    try (GitHubEmulator e =
        emulator().app("77100", key.getPublic(), Duration.ofHours(1)).clock(clock)) {
      dev.tenet.connectors.http.ApiClient appApi =
          dev.tenet.connectors.http.ApiClient.builder(e.apiUrl(), "GitHub")
              .auth(GitHubAppAuth.jwt(new AppJwt("77100", Secret.of(Scans.pkcs8Pem(key))), clock))
              .clock(clock)
              .build();
      GitHubAppAuth auth = new GitHubAppAuth(appApi, "acme-corp", clock);
      String first = auth.current().reveal();
      clock.advance(Duration.ofMinutes(50));
      assertThat(auth.current().reveal()).isEqualTo(first);
      clock.advance(Duration.ofMinutes(6)); // 4 minutes left: inside the refresh margin.
      assertThat(auth.current().reveal()).isNotEqualTo(first).startsWith("ghs_");
      assertThat(auth.tokensIssued()).isEqualTo(2);
      assertThat(auth.permissions()).contains("metadata:read", "administration:read");
    }
  }

  static final class MutableClock extends Clock {
    private volatile java.time.Instant now = java.time.Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  /**
   * A personal token cannot see fine-grained grants: expected, and not what these tests are about.
   */
  private static List<BlindSpot> exceptTokenGrants(List<BlindSpot> spots) {
    return spots.stream().filter(s -> !s.what().contains("fine-grained")).toList();
  }

  private static RuleTally tally(Scans.Result scan, String ruleId) {
    return scan.evaluation().tallies().stream()
        .filter(t -> t.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> gets(List<String> log) {
    return log.stream()
        .filter(l -> l.startsWith("GET "))
        .map(l -> l.substring(0, l.lastIndexOf(' ')))
        .toList();
  }
}
