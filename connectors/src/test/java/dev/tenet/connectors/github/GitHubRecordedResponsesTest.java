package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector and the rules against recorded GitHub answers (GitHub's OpenAPI examples and
 * octokit's recorded traffic, edited to plant each weakness): one organization with weak settings,
 * one well run, each weakness found where planted and nowhere else.
 */
class GitHubRecordedResponsesTest {
  private static final String WEAK = "octokit-fixture-org";
  private static final String GOOD = "octo-org";
  private ReplayServer github;
  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    github = new ReplayServer(Scans.NOW);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private GitHubConnector connector(String org, ResponseCache cache) {
    return new GitHubConnector(
        github.base().toString(),
        org,
        new GitHubCredentials.PersonalToken(
            Secret.of("ghp_0000000000000000000000000000000000000001")),
        HttpPolicy.defaults().withBackoff(Duration.ofMillis(5)),
        cache,
        Clock.systemUTC());
  }

  static final List<String> WEAK_FINDINGS =
      List.of(
          "admin-inactive github:octokit-fixture-org#member/hubot",
          "admin-inactive github:octokit-fixture-org#member/lisa",
          "app-overprivileged github:octokit-fixture-org#app/admin-bot",
          "base-permission-broad github:octokit-fixture-org",
          "branch-unprotected github:octokit-fixture-org/evaluate-only#branch/main",
          "branch-unprotected github:octokit-fixture-org/unprotected-public#branch/main",
          "ci-token-can-approve github:octokit-fixture-org",
          "ci-token-default-write github:octokit-fixture-org",
          "code-scanning-disabled github:octokit-fixture-org/classic-lax",
          "deploy-key-write github:octokit-fixture-org/classic-lax#deploy-key/2",
          "environment-any-branch github:octokit-fixture-org/classic-lax#environment/staging",
          "environment-unprotected github:octokit-fixture-org/classic-lax#environment/staging",
          "excessive-admins github:octokit-fixture-org",
          "force-push-allowed github:octokit-fixture-org/classic-lax#branch/main",
          "fork-workflows-unapproved github:octokit-fixture-org",
          "member-mfa-disabled github:octokit-fixture-org#collaborator/contractor-cat",
          "member-mfa-disabled github:octokit-fixture-org#member/monalisa",
          "org-mfa-not-enforced github:octokit-fixture-org",
          "outside-collaborator-privileged github:octokit-fixture-org#collaborator/contractor-cat",
          "policy-not-enforced github:octokit-fixture-org#ruleset/21",
          "policy-not-enforced github:octokit-fixture-org/evaluate-only#ruleset/314",
          "protection-bypassable github:octokit-fixture-org/classic-lax#branch/main",
          "review-not-required github:octokit-fixture-org/classic-lax#branch/main",
          "runner-persistent github:octokit-fixture-org#runner/23",
          "runner-persistent github:octokit-fixture-org/unprotected-public#runner/77",
          "scanner-token-overprivileged github:octokit-fixture-org#scanner-token/tenet",
          "secret-broadly-shared github:octokit-fixture-org#secret/DEPLOY_TOKEN",
          "secret-broadly-shared github:octokit-fixture-org#secret/GIST_ID",
          "secret-scanning-disabled github:octokit-fixture-org/classic-lax",
          "secret-stale github:octokit-fixture-org#secret/DEPLOY_TOKEN",
          "secret-stale github:octokit-fixture-org#secret/GH_TOKEN",
          "secret-stale github:octokit-fixture-org#secret/GIST_ID",
          "secret-stale github:octokit-fixture-org/classic-lax#secret/AWS_SECRET_ACCESS_KEY",
          "self-hosted-runner-public github:octokit-fixture-org#runner-group/1",
          "self-hosted-runner-public github:octokit-fixture-org/unprotected-public#runner/77",
          "sso-not-enforced github:octokit-fixture-org",
          "status-checks-not-required github:octokit-fixture-org/classic-lax#branch/main",
          "team-access-broad github:octokit-fixture-org#team/justice-league",
          "third-party-actions-unrestricted github:octokit-fixture-org",
          "token-no-expiry github:octokit-fixture-org#token/25382",
          "token-overprivileged github:octokit-fixture-org#token/25382",
          "unsigned-commits-allowed github:octokit-fixture-org/classic-lax#branch/main",
          "vulnerability-alerts-disabled github:octokit-fixture-org/classic-lax",
          "webhook-insecure-transport github:octokit-fixture-org#hook/1",
          "webhook-unauthenticated github:octokit-fixture-org#hook/1");

  @Test
  void aWeakOrganizationShowsEveryWeaknessOnItsResourceAndItsLookAlikesStayClean()
      throws Exception {
    Scans.Result scan = Scans.run(connector(WEAK, ResponseCache.NONE));
    assertThat(github.unmatched).isEmpty();
    assertThat(scan.context().blindSpots()).isEmpty();
    assertThat(scan.findings()).containsExactlyElementsOf(new TreeSet<>(WEAK_FINDINGS));
  }

  @Test
  void aRulesetAloneProtectsABranch() throws Exception {
    Scans.Result scan = Scans.run(connector(WEAK, ResponseCache.NONE));
    Entity main = scan.context().graph().get("github:octokit-fixture-org/ruleset-only#branch/main");
    assertThat(main.isTrue("protected")).isTrue();
    assertThat(main.list("protectionSources")).containsExactly("ruleset:super cool ruleset");
    assertThat(main.number("requiredApprovals")).contains(2L);
    assertThat(main.list("requiredChecks")).containsExactly("ci/build");
    assertThat(main.list("bypassActors")).isEmpty();
    assertThat(scan.findings()).noneMatch(f -> f.contains("ruleset-only"));
  }

  @Test
  void listsAreFollowedAcrossPagesAndArchivedRepositoriesAreNotRead() throws Exception {
    Scans.Result scan = Scans.run(connector(WEAK, ResponseCache.NONE));
    assertThat(github.served("GET /orgs/octokit-fixture-org/repos?type=all&per_page=100&page=2"))
        .isEqualTo(1);
    assertThat(scan.context().graph().find("github:octokit-fixture-org/evaluate-only")).isPresent();
    assertThat(
            scan.context().graph().get("github:octokit-fixture-org/old-archive").isTrue("archived"))
        .isTrue();
    assertThat(github.log).noneMatch(l -> l.contains("/repos/octokit-fixture-org/old-archive/"));
  }

  @Test
  void a502IsRetriedAndASecondaryRateLimitIsWaitedOutAndReported() throws Exception {
    Scans.Result scan = Scans.run(connector(WEAK, ResponseCache.NONE));
    assertThat(github.log)
        .containsSubsequence(
            "GET /orgs/octokit-fixture-org/hooks?per_page=100 502",
            "GET /orgs/octokit-fixture-org/hooks?per_page=100 200");
    assertThat(github.log)
        .containsSubsequence(
            "GET /orgs/octokit-fixture-org/teams?per_page=100 403",
            "GET /orgs/octokit-fixture-org/teams?per_page=100 200");
    assertThat(scan.waits()).singleElement().asString().contains("rate limit");
    assertThat(scan.findings())
        .contains("webhook-insecure-transport github:octokit-fixture-org#hook/1");
  }

  @Test
  void anUnchangedRescanRevalidatesWithEtagsAndFindsTheSame() throws Exception {
    DiskResponseCache cache = new DiskResponseCache(temp.resolve("cache"));
    Scans.Result first = Scans.run(connector(WEAK, cache));
    github.log.clear();
    Scans.Result again = Scans.run(connector(WEAK, cache));
    assertThat(again.findings()).isEqualTo(first.findings());
    long notModified = github.log.stream().filter(l -> l.endsWith(" 304")).count();
    assertThat(again.context().notModified()).isEqualTo(notModified).isGreaterThan(50);
    assertThat(github.log)
        .contains("GET /orgs/octokit-fixture-org/repos?type=all&per_page=100&page=2 304");
  }

  @Test
  void aWellRunOrganizationPassesAndWhatItHidesIsABlindSpotNotAPass() throws Exception {
    Scans.Result scan = Scans.run(connector(GOOD, ResponseCache.NONE));
    assertThat(github.unmatched).isEmpty();
    assertThat(scan.findings())
        .containsExactly(
            "coverage-gap github:octo-org",
            "coverage-gap github:octo-org/sdk",
            "fork-workflows-unapproved github:octo-org/sdk");
    assertThat(scan.context().blindSpots())
        .anySatisfy(
            s -> {
              assertThat(s.resource()).isEqualTo("github:octo-org");
              assertThat(s.what()).isEqualTo("the organization webhooks");
              assertThat(s.reason())
                  .isEqualTo("403 Forbidden (Must have admin rights to Repository.)");
              assertThat(s.remedy()).contains("admin:org_hook");
            })
        .anySatisfy(
            s -> {
              assertThat(s.resource()).isEqualTo("github:octo-org");
              assertThat(s.what()).contains("fine-grained personal access tokens");
              assertThat(s.remedy()).contains("GitHub App");
            })
        .anySatisfy(
            s -> {
              assertThat(s.resource()).isEqualTo("github:octo-org/sdk");
              assertThat(s.what()).isEqualTo("webhooks");
              assertThat(s.remedy()).contains("Webhooks: read");
            });
    // A server without the analyses list still shows CodeQL default setup.
    assertThat(github.served("GET /repos/octo-org/sdk/code-scanning/default-setup")).isEqualTo(1);
    assertThat(scan.context().graph().get("github:octo-org/sdk").isTrue("codeScanning")).isTrue();
    assertThat(tallyUnknown(scan, "GH-HOOK-001")).isZero(); // No hook seen: nothing to judge...
    assertThat(tallyPassed(scan, "GH-HOOK-001")).isZero(); // ...and certainly no pass.
  }

  private static int tallyUnknown(Scans.Result scan, String rule) {
    return scan.evaluation().tallies().stream()
        .filter(t -> t.ruleId().equals(rule))
        .findFirst()
        .orElseThrow()
        .unknown();
  }

  private static int tallyPassed(Scans.Result scan, String rule) {
    return scan.evaluation().tallies().stream()
        .filter(t -> t.ruleId().equals(rule))
        .findFirst()
        .orElseThrow()
        .passed();
  }
}
