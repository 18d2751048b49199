package dev.tenet.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.SourceFile;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo organization scanned as a user would (a read-only GitHub App): every planted weakness is
 * found on its resource, and nothing else is, so every clean look-alike stays clean.
 */
class GitHubDemoOrganizationTest {
  private static GitHubEmulator emulator;
  private static Scans.Result scan;

  /** Every finding the demo organization must produce: "weakness resource". */
  static final List<String> PLANTED =
      List.of(
          "admin-inactive github:acme-corp#member/grace-okafor",
          "admin-inactive github:acme-corp#member/tom-baker",
          "app-overprivileged github:acme-corp#app/acme-ci-bot",
          "app-overprivileged github:acme-corp#app/deploy-o-matic",
          "base-permission-broad github:acme-corp",
          "branch-unprotected github:acme-corp/design-system#branch/main",
          "branch-unprotected github:acme-corp/docs-site#branch/main",
          "branch-unprotected github:acme-corp/internal-tools#branch/main",
          "branch-unprotected github:acme-corp/marketing-site#branch/main",
          "branch-unprotected github:acme-corp/oncall-runbooks#branch/main",
          "branch-unprotected github:acme-corp/sandbox#branch/main",
          "branch-unprotected github:acme-corp/user-service#branch/main",
          "ci-token-can-approve github:acme-corp",
          "ci-token-default-write github:acme-corp",
          "code-scanning-disabled github:acme-corp/internal-tools",
          "code-scanning-disabled github:acme-corp/mobile-app",
          "code-scanning-disabled github:acme-corp/sandbox",
          "deploy-key-write github:acme-corp/deploy-tools#deploy-key/7303",
          "environment-any-branch github:acme-corp/deploy-tools#environment/production",
          "environment-any-branch github:acme-corp/design-system#environment/production",
          "environment-any-branch github:acme-corp/marketing-site#environment/preview",
          "environment-any-branch github:acme-corp/payments-api#environment/staging",
          "environment-unprotected github:acme-corp/design-system#environment/production",
          "environment-unprotected github:acme-corp/marketing-site#environment/preview",
          "environment-unprotected github:acme-corp/payments-api#environment/staging",
          "environment-unprotected github:acme-corp/payments-web#environment/production",
          "excessive-admins github:acme-corp",
          "force-push-allowed github:acme-corp/deploy-tools#branch/main",
          "force-push-allowed github:acme-corp/notification-service#branch/main",
          "force-push-allowed github:acme-corp/release-bot#branch/main",
          "force-push-allowed github:acme-corp/sdk-go#branch/main",
          "fork-workflows-unapproved github:acme-corp/sdk-js",
          "member-mfa-disabled github:acme-corp#collaborator/li-wei-contractor",
          "member-mfa-disabled github:acme-corp#member/omar-haddad",
          "member-mfa-disabled github:acme-corp#member/sam-devlin",
          "member-mfa-disabled github:acme-corp#member/tom-baker",
          "org-mfa-not-enforced github:acme-corp",
          "outside-collaborator-privileged github:acme-corp#collaborator/docs-vendor-bot",
          "outside-collaborator-privileged github:acme-corp#collaborator/li-wei-contractor",
          "policy-not-enforced github:acme-corp#ruleset/5002",
          "policy-not-enforced github:acme-corp/user-service#ruleset/100210",
          "protection-bypassable github:acme-corp/api-gateway#branch/main",
          "protection-bypassable github:acme-corp/checkout-ui#branch/main",
          "protection-bypassable github:acme-corp/data-warehouse#branch/main",
          "protection-bypassable github:acme-corp/deploy-tools#branch/main",
          "protection-bypassable github:acme-corp/k8s-manifests#branch/main",
          "protection-bypassable github:acme-corp/notification-service#branch/main",
          "protection-bypassable github:acme-corp/release-bot#branch/main",
          "protection-bypassable github:acme-corp/sdk-go#branch/main",
          "protection-bypassable github:acme-corp/sdk-js#branch/main",
          "protection-bypassable github:acme-corp/search-service#branch/main",
          "review-not-required github:acme-corp/deploy-tools#branch/main",
          "review-not-required github:acme-corp/notification-service#branch/main",
          "review-not-required github:acme-corp/release-bot#branch/main",
          "review-not-required github:acme-corp/sdk-go#branch/main",
          "runner-persistent github:acme-corp#runner/11",
          "runner-persistent github:acme-corp#runner/31",
          "runner-persistent github:acme-corp/sdk-go#runner/92",
          "secret-broadly-shared github:acme-corp#secret/DOCKERHUB_TOKEN",
          "secret-broadly-shared github:acme-corp#secret/NPM_TOKEN",
          "secret-scanning-disabled github:acme-corp/analytics-pipeline",
          "secret-scanning-disabled github:acme-corp/ml-models",
          "secret-scanning-disabled github:acme-corp/sandbox",
          "secret-stale github:acme-corp#secret/SONAR_TOKEN",
          "secret-stale github:acme-corp/deploy-tools#secret/AWS_ACCESS_KEY_ID",
          "secret-stale github:acme-corp/deploy-tools#secret/AWS_SECRET_ACCESS_KEY",
          "secret-stale github:acme-corp/payments-api#env-secret/staging/STAGING_DB_PASSWORD",
          "self-hosted-runner-public github:acme-corp#runner-group/2",
          "self-hosted-runner-public github:acme-corp/sdk-go#runner/92",
          "status-checks-not-required github:acme-corp/checkout-ui#branch/main",
          "status-checks-not-required github:acme-corp/data-warehouse#branch/main",
          "status-checks-not-required github:acme-corp/k8s-manifests#branch/main",
          "status-checks-not-required github:acme-corp/sdk-js#branch/main",
          "team-access-broad github:acme-corp#team/engineering",
          "third-party-actions-unrestricted github:acme-corp",
          "token-no-expiry github:acme-corp#token/302",
          "token-no-expiry github:acme-corp#token/303",
          "token-no-expiry github:acme-corp#token/sso-1601",
          "token-overprivileged github:acme-corp#token/302",
          "token-overprivileged github:acme-corp#token/sso-1601",
          "unsigned-commits-allowed github:acme-corp/checkout-ui#branch/main",
          "unsigned-commits-allowed github:acme-corp/data-warehouse#branch/main",
          "unsigned-commits-allowed github:acme-corp/deploy-tools#branch/main",
          "unsigned-commits-allowed github:acme-corp/k8s-manifests#branch/main",
          "unsigned-commits-allowed github:acme-corp/notification-service#branch/main",
          "unsigned-commits-allowed github:acme-corp/release-bot#branch/main",
          "unsigned-commits-allowed github:acme-corp/sdk-go#branch/main",
          "unsigned-commits-allowed github:acme-corp/sdk-js#branch/main",
          "vulnerability-alerts-disabled github:acme-corp/internal-tools",
          "vulnerability-alerts-disabled github:acme-corp/oncall-runbooks",
          "vulnerability-alerts-disabled github:acme-corp/sandbox",
          "webhook-insecure-transport github:acme-corp#hook/4102",
          "webhook-insecure-transport github:acme-corp#hook/4103",
          "webhook-unauthenticated github:acme-corp#hook/4102",
          "webhook-unauthenticated github:acme-corp/deploy-tools#hook/5202");

  @BeforeAll
  static void scanTheDemo() throws Exception {
    KeyPair key = Scans.keyPair();
    emulator =
        GitHubEmulator.start(SampleOrganization.demo(), "ghp_unused")
            .app("77100", key.getPublic(), Duration.ofHours(1));
    scan =
        Scans.run(
            Scans.app(
                emulator,
                new GitHubCredentials.App("77100", Secret.of(Scans.pkcs8Pem(key))),
                ResponseCache.NONE,
                Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void everyPlantedWeaknessIsFoundOnItsResourceAndNothingElse() {
    assertThat(scan.findings()).containsExactlyElementsOf(new TreeSet<>(PLANTED));
  }

  @Test
  void theReadOnlyAppSeesEverythingAndIsNotOverprivileged() {
    assertThat(scan.context().blindSpots()).isEmpty();
    TrustGraph g = scan.context().graph();
    Entity scanner = g.get("github:acme-corp#scanner-token/tenet");
    assertThat(scanner.text("tokenType")).contains("app-installation");
    assertThat(scanner.list("permissions"))
        .contains("metadata:read")
        .noneMatch(p -> p.endsWith(":write"));
    assertThat(emulator.installationTokensIssued()).isEqualTo(1);
  }

  @Test
  void workflowFilesAreHandedOverForPipelineAnalysisOnTheirRepository() {
    List<SourceFile> sources = scan.context().sources();
    int expected =
        emulator.organization().repositories().stream()
            .filter(r -> !r.path("archived").asBoolean(false))
            .mapToInt(r -> r.path("workflows").size())
            .sum();
    assertThat(sources).hasSize(expected);
    assertThat(sources)
        .anySatisfy(
            s -> {
              assertThat(s.resource()).isEqualTo("github:acme-corp/design-system");
              assertThat(s.path()).isEqualTo(".github/workflows/preview.yml");
              assertThat(s.content())
                  .contains("pull_request_target")
                  .contains("${{ github.event.pull_request.head.sha }}");
            })
        .anySatisfy(
            s -> {
              assertThat(s.resource()).isEqualTo("github:acme-corp/payments-api");
              assertThat(s.content())
                  .contains("role-to-assume: arn:aws:iam::123456789012:role/prod-deployer");
            });
    assertThat(
            scan.context()
                .graph()
                .find("github:acme-corp/design-system#file/.github/workflows/preview.yml"))
        .isPresent();
  }

  @Test
  void relationsCarryWhoCanDoWhat() {
    TrustGraph g = scan.context().graph();
    Entity payments = g.get("github:acme-corp/payments-api");
    assertThat(g.sources(payments, RelationKind.CAN_WRITE))
        .extracting(Entity::id)
        .contains("github:acme-corp#team/engineering", "github:acme-corp#team/payments");
    assertThat(g.sources(g.get("github:acme-corp/infra-terraform"), RelationKind.CAN_ADMIN))
        .extracting(Entity::id)
        .contains(
            "github:acme-corp#collaborator/li-wei-contractor", "github:acme-corp#team/platform");
    assertThat(g.targets(g.get("github:acme-corp#member/priya-shah"), RelationKind.MEMBER_OF))
        .extracting(Entity::id)
        .contains("github:acme-corp", "github:acme-corp#team/engineering");
    assertThat(
            g.sources(
                g.get("github:acme-corp/api-gateway#branch/main"),
                RelationKind.CAN_BYPASS_PROTECTION))
        .extracting(Entity::id)
        .containsExactly("github:acme-corp#team/release-managers");
    assertThat(
            g.targets(g.get("github:acme-corp/payments-api#branch/main"), RelationKind.DEPLOYS_TO))
        .extracting(Entity::id)
        .containsExactlyInAnyOrder(
            "github:acme-corp/payments-api#environment/production",
            "github:acme-corp/payments-api#environment/staging");
    assertThat(g.targets(g.get("github:acme-corp/sdk-go"), RelationKind.RUNS_ON))
        .extracting(Entity::id)
        .contains("github:acme-corp#runner-group/2", "github:acme-corp/sdk-go#runner/92")
        .doesNotContain("github:acme-corp#runner-group/1");
    assertThat(g.targets(g.get("github:acme-corp/sdk-go"), RelationKind.READS_SECRET))
        .extracting(Entity::id)
        .contains("github:acme-corp#secret/NPM_TOKEN")
        .doesNotContain(
            "github:acme-corp#secret/DOCKERHUB_TOKEN", "github:acme-corp#secret/SONAR_TOKEN");
    assertThat(g.targets(g.get("github:acme-corp#app/renovate"), RelationKind.INSTALLED_ON))
        .extracting(Entity::id)
        .containsExactly("github:acme-corp");
    // Ruleset-only protection from an organization ruleset counts as protection.
    Entity ml = g.get("github:acme-corp/ml-models#branch/main");
    assertThat(ml.isTrue("protected")).isTrue();
    assertThat(ml.list("protectionSources")).containsExactly("ruleset:Data baseline");
  }

  @Test
  void webhookEndpointsKeepNoPathWhereTokensHide() {
    Entity slack = scan.context().graph().get("github:acme-corp#hook/4101");
    assertThat(slack.text("endpoint")).contains("https://hooks.slack.example.com");
    assertThat(slack.asMap().values().toString()).doesNotContain("services/T0AC3");
  }
}
