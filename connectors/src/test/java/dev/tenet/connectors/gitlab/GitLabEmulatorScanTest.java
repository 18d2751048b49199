package dev.tenet.connectors.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.emulator.GitLabEmulator;
import dev.tenet.connectors.emulator.SampleGroup;
import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.scan.ConnectorException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector against the GitLab emulator serving the bundled Acme group, as the demo runs. */
class GitLabEmulatorScanTest {
  private static final String TOKEN = "glpat-emulator-token-0000000000";
  private static final HttpPolicy FAST = HttpPolicy.defaults().withBackoff(Duration.ofMillis(1));

  private GitLabEmulator gitlab;

  @BeforeEach
  void start() {
    gitlab = GitLabEmulator.start(SampleGroup.demo(), TOKEN);
  }

  @AfterEach
  void stop() {
    gitlab.close();
  }

  private GitLabConnector connector(ResponseCache cache) {
    return new GitLabConnector(gitlab.url().toString(), "acme", Secret.of(TOKEN), FAST, cache);
  }

  private Scans scan() throws Exception {
    return Scans.run(connector(ResponseCache.NONE));
  }

  @Test
  void theDemoGroupShowsItsPlantedMisconfigurationsAndNotItsLookAlikes() throws Exception {
    Scans s = scan();
    String payments = "gitlab:acme/platform/payments/payments-api";
    String sandbox = "gitlab:acme/sandbox/experiments";
    Map<String, Set<String>> planted =
        Map.ofEntries(
            Map.entry("org-mfa-not-enforced", Set.of("gitlab:acme")),
            Map.entry("excessive-admins", Set.of("gitlab:acme", "gitlab:acme/platform")),
            Map.entry("admin-inactive", Set.of("gitlab:acme#member/lena-novak")),
            Map.entry("sso-not-enforced", Set.of("gitlab:acme")),
            Map.entry(
                "secret-broadly-shared",
                Set.of(
                    "gitlab:acme#variable/REGISTRY_PASSWORD",
                    "gitlab:acme/platform#variable/KUBECONFIG")),
            Map.entry(
                "variable-unmasked",
                Set.of(
                    "gitlab:acme/platform#variable/KUBECONFIG",
                    sandbox + "#variable/DEPLOY_TOKEN")),
            Map.entry("variable-unprotected", Set.of(sandbox + "#variable/DEPLOY_TOKEN")),
            Map.entry(
                "token-no-expiry",
                Set.of(
                    "gitlab:acme#token/41",
                    sandbox + "#token/62",
                    sandbox + "#deploy-token/8",
                    "gitlab:acme/platform/infra/terraform#deploy-key/72")),
            Map.entry(
                "token-overprivileged",
                Set.of("gitlab:acme#token/41", sandbox + "#token/62", sandbox + "#deploy-token/8")),
            Map.entry(
                "deploy-key-write", Set.of("gitlab:acme/platform/infra/terraform#deploy-key/72")),
            Map.entry("branch-unprotected", Set.of(sandbox + "#branch/main")),
            Map.entry(
                "force-push-allowed", Set.of("gitlab:acme/platform/infra/k8s-deploy#branch/main")),
            Map.entry("review-not-required", Set.of("gitlab:acme/web/website#branch/main")),
            Map.entry("webhook-insecure-transport", Set.of(sandbox + "#hook/501")),
            Map.entry("webhook-unauthenticated", Set.of(sandbox + "#hook/501")),
            Map.entry(
                "runner-shared-untagged", Set.of("gitlab:acme#runner/1", "gitlab:acme#runner/3")),
            Map.entry("self-hosted-runner-public", Set.of("gitlab:acme/web/website")),
            Map.entry("pipeline-logs-public", Set.of("gitlab:acme/web/website")),
            Map.entry("ci-job-token-unscoped", Set.of(sandbox)),
            Map.entry("status-checks-not-required", Set.of(sandbox)),
            Map.entry("secret-scanning-disabled", Set.of(sandbox)),
            Map.entry(
                "environment-unprotected",
                Set.of(
                    "gitlab:acme/platform/infra/terraform#environment/production",
                    "gitlab:acme/platform/infra/k8s-deploy#environment/production")));
    Map<String, Set<String>> found = new java.util.TreeMap<>();
    planted.keySet().forEach(w -> found.put(w, s.resources(w)));
    assertThat(found).isEqualTo(new java.util.TreeMap<>(planted));
    assertThat(s.resources("protection-bypassable"))
        .contains(
            "gitlab:acme/platform/payments/ledger",
            "gitlab:acme/platform/infra/terraform#branch/main")
        .doesNotContain(payments + "#branch/main", payments);
    assertThat(s.resources("unsigned-commits-allowed"))
        .contains("gitlab:acme/platform/infra/terraform#branch/main")
        .doesNotContain(payments + "#branch/main");
    // Look-alikes: harmless variables, a scoped group secret, a locked runner, the docs project.
    assertThat(s.findings())
        .extracting(Finding::resource)
        .noneMatch(
            r ->
                r.contains("LOG_LEVEL")
                    || r.contains("TF_LOG")
                    || r.contains("FEATURE_FLAGS")
                    || r.contains("PROD_DB_PASSWORD")
                    || r.endsWith("#runner/4")
                    || r.endsWith("#runner/2")
                    || r.startsWith("gitlab:acme/web/docs")
                    || r.startsWith("gitlab:acme/legacy-billing#branch"));
    assertThat(s.resources("scanner-token-overprivileged")).isEmpty();
    // What only administrators see is a blind spot, never a pass.
    assertThat(s.blindSpots())
        .extracting(BlindSpot::what)
        .contains("which members have two-factor authentication");
  }

  @Test
  void thePipelineAndTheLocalFilesItIncludesReachTheAnalyser() throws Exception {
    Scans s = scan();
    assertThat(s.context().sources())
        .filteredOn(f -> f.resource().equals("gitlab:acme/platform/payments/payments-api"))
        .extracting(SourceFile::path)
        .containsExactlyInAnyOrder(
            ".gitlab-ci.yml", "ci/build.yml", "ci/jobs/deploy.yml", "ci/jobs/test.yml");
    assertThat(s.context().sources())
        .extracting(SourceFile::resource)
        .doesNotContain("gitlab:acme/sandbox/empty-repo", "gitlab:acme/legacy-billing");
    // Every file request names the default branch (GitLab would otherwise pick its own).
    assertThat(gitlab.requestLog())
        .filteredOn(l -> l.contains("/repository/"))
        .allMatch(l -> l.contains("ref=main") && !l.endsWith(" 404"));
  }

  @Test
  void aFirstScanStaysWithinFifteenRequestsPerProjectAndARescanIsMostlyNotModified(
      @TempDir Path cache) throws Exception {
    // Group-level reads are shared by the projects of a group: count at a realistic size.
    gitlab.close();
    gitlab = GitLabEmulator.start(SampleGroup.synthetic(100), TOKEN);
    int projects = gitlab.sample().projects().size();
    Scans first = Scans.run(connector(new DiskResponseCache(cache)));
    assertThat(first.context().requests()).isEqualTo(gitlab.requestCount());
    assertThat((double) first.context().requests() / projects).isLessThanOrEqualTo(15.0);
    assertThat(first.context().notModified()).isZero();

    // Responses that may hold secrets are never cached, so they are asked again in full.
    for (Path file :
        java.nio.file.Files.walk(cache).filter(java.nio.file.Files::isRegularFile).toList()) {
      if (!file.toString().endsWith(".gz")) {
        continue;
      }
      try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
        String entry = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(entry)
            .doesNotContain("glpat-EXAMPLE")
            .doesNotContain("Zx8!qT2")
            .doesNotContain("wJalrXUtnFEMI")
            .doesNotContain("10.0.4.12");
      }
    }
    Scans second = Scans.run(connector(new DiskResponseCache(cache)));
    assertThat(second.context().requests()).isEqualTo(first.context().requests());
    assertThat((double) second.context().notModified() / second.context().requests())
        .isGreaterThan(0.8);
    assertThat(ids(second.findings())).isEqualTo(ids(first.findings()));
  }

  private static Set<String> ids(List<Finding> findings) {
    Set<String> out = new TreeSet<>();
    findings.forEach(f -> out.add(f.id()));
    return out;
  }

  @Test
  void transientFaultsAreRetriedAndRateLimitsWaitedOut() throws Exception {
    gitlab.fail("/projects/\\d+/variables", 502, 503);
    gitlab.fail("/groups/\\d+/members/all", 429);
    Scans s = scan();
    assertThat(s.blindSpots())
        .extracting(BlindSpot::what)
        .noneMatch(w -> w.startsWith("the CI/CD variables") || w.startsWith("the members of"));
    assertThat(gitlab.requestLog()).anyMatch(l -> l.contains("/variables") && l.endsWith(" 502"));
    assertThat(s.resources("variable-unprotected")).isNotEmpty();
  }

  @Test
  void aPersistentServerErrorIsABlindSpotAndTheScanGoesOn() throws Exception {
    gitlab.fail(
        "/projects/\\d+/hooks",
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500);
    Scans s = scan();
    assertThat(s.blindSpots())
        .filteredOn(b -> b.what().startsWith("the webhooks of"))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.reason()).contains("500"));
    assertThat(s.findings("coverage-gap")).isNotEmpty();
    assertThat(s.resources("branch-unprotected")).isNotEmpty();
  }

  @Test
  void aDeveloperTokenSeesLessAndTheGapsNameTheRoleThatWouldSeeMore() throws Exception {
    gitlab.tokenRole("developer");
    Scans s = scan();
    assertThat(s.blindSpots())
        .filteredOn(b -> b.what().startsWith("the CI/CD variables of acme/sandbox/experiments"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.reason()).contains("403");
              assertThat(b.remedy()).contains("Maintainer");
            });
    assertThat(s.blindSpots())
        .extracting(BlindSpot::what)
        .contains("the CI/CD variables of group acme", "when members were last active");
    // Hidden settings stay unknown: nothing about them is judged as passing.
    assertThat(s.resources("variable-unprotected")).isEmpty();
    var unprotected =
        s.evaluation().tallies().stream()
            .filter(t -> t.ruleId().equals("GL-VAR-001"))
            .findFirst()
            .orElseThrow();
    assertThat(unprotected.passed()).isZero();
    assertThat(s.resources("branch-unprotected"))
        .contains("gitlab:acme/sandbox/experiments#branch/main");
  }

  @Test
  void anAdministratorTokenRevealsMembersWithoutTwoFactor() throws Exception {
    SampleGroup sample =
        SampleGroup.fromYaml(
            """
            gitlab:
              instance: { edition: ee, tier: premium, version: "18.5.0" }
              token: { username: root, role: owner, admin: true, name: t, scopes: [read_api], expires_at: "2027-01-01" }
              groups:
                - path: corp
                  require_two_factor_authentication: true
                  members:
                    - { username: ada, access: owner, two_factor: true }
                    - { username: bea, access: maintainer, two_factor: false }
                    - { username: cid, access: developer, two_factor: true }
              projects: []
            """);
    try (GitLabEmulator admin = GitLabEmulator.start(sample, TOKEN)) {
      Scans s =
          Scans.run(
              new GitLabConnector(
                  admin.url().toString(), "corp", Secret.of(TOKEN), FAST, ResponseCache.NONE));
      assertThat(s.resources("member-mfa-disabled")).containsExactly("gitlab:corp#member/bea");
      assertThat(s.context().graph().get("gitlab:corp#member/ada").isTrue(Attr.MFA_ENABLED))
          .isTrue();
      assertThat(s.blindSpots())
          .extracting(BlindSpot::what)
          .doesNotContain("which members have two-factor authentication");
      // Before 19.0 GitLab does not say whether a hook has a token: not judged as failing.
      assertThat(s.resources("webhook-unauthenticated")).isEmpty();
    }
  }

  @Test
  void onTheFreeTierPremiumFeaturesAreBlindSpotsThatSaySo() throws Exception {
    SampleGroup sample = SampleGroup.demo();
    try (GitLabEmulator ce = GitLabEmulator.start(sample, TOKEN).tier("free", "ce")) {
      Scans s =
          Scans.run(
              new GitLabConnector(
                  ce.url().toString(), "acme", Secret.of(TOKEN), FAST, ResponseCache.NONE));
      assertThat(s.blindSpots())
          .filteredOn(b -> b.what().startsWith("the push rules of"))
          .isNotEmpty()
          .allSatisfy(
              b -> {
                assertThat(b.reason()).startsWith("not available on GitLab Community Edition");
                assertThat(b.remedy()).startsWith("needs GitLab Premium");
              });
      assertThat(s.resources("unsigned-commits-allowed")).isEmpty();
      assertThat(s.resources("branch-unprotected")).isNotEmpty();
    }
  }

  @Test
  void aRejectedTokenAnUnknownGroupAndAnotherServerGiveOneClearSentence() {
    GitLabConnector wrongToken =
        new GitLabConnector(
            gitlab.url().toString(), "acme", Secret.of("glpat-wrong"), FAST, ResponseCache.NONE);
    assertThatThrownBy(() -> Scans.run(wrongToken))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("rejected the token (401 Unauthorized)")
        .hasMessageNotContaining("glpat-wrong");
    GitLabConnector missing =
        new GitLabConnector(
            gitlab.url().toString(), "nope", Secret.of(TOKEN), FAST, ResponseCache.NONE);
    assertThatThrownBy(() -> Scans.run(missing))
        .hasMessage(
            "GitLab group 'nope' was not found at "
                + gitlab.url()
                + ", or the token cannot see it.");
    GitLabConnector apiSuffix =
        new GitLabConnector(
            gitlab.url() + "/api/v4/", "acme", Secret.of(TOKEN), FAST, ResponseCache.NONE);
    assertThat(apiSuffix.apiUrl()).isEqualTo(java.net.URI.create(gitlab.url() + "/api/v4"));
    assertThatThrownBy(
            () ->
                new GitLabConnector(
                    "http://gitlab.example.com",
                    "acme",
                    Secret.of(TOKEN),
                    FAST,
                    ResponseCache.NONE))
        .hasMessageContaining("HTTPS");
  }

  @Test
  void aServerThatIsNotGitLabIsNamedAsSuch() throws Exception {
    try (ReplayServer other = new ReplayServer()) {
      other.text("/groups/acme", "<html>Welcome to nginx</html>");
      GitLabConnector c =
          new GitLabConnector(
              other.url().toString(),
              "acme",
              Secret.of(ReplayServer.TOKEN),
              FAST,
              ResponseCache.NONE);
      assertThatThrownBy(() -> Scans.run(c))
          .isInstanceOf(ConnectorException.class)
          .hasMessageContaining("does not answer like the GitLab API");
    }
  }
}
