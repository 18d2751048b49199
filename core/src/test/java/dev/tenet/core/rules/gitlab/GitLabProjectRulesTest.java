package dev.tenet.core.rules.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitLabGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitLabProjectRulesTest {
  private final GitLabGraph g = GitLabGraph.group("acme");

  private static List<Integer> counts(Rule rule, GitLabGraph g) {
    RuleTally t = RuleHarness.tally(rule, g.graph());
    return List.of(t.passed(), t.failed(), t.unknown());
  }

  private List<String> failing(Rule rule) {
    return RuleHarness.findings(rule, g.graph()).stream().map(Finding::resource).toList();
  }

  @Test
  void defaultBranchProtectionForcePushAndDirectPushes() {
    Entity good = g.project(g.top(), "good", "private");
    g.wellProtectedBranch(good);
    Entity open = g.project(g.top(), "open", "public");
    g.defaultBranch(open).set(Attr.PROTECTED, false);
    Entity forced = g.project(g.top(), "forced", "private");
    g.wellProtectedBranch(forced).set(Attr.FORCE_PUSH_ALLOWED, true);
    Entity devPush = g.project(g.top(), "dev-push", "private");
    g.wellProtectedBranch(devPush).set(Attr.PUSH_ACCESS, List.of("developer"));
    Entity maintPush = g.project(g.top(), "maint-push", "private");
    g.wellProtectedBranch(maintPush)
        .set(Attr.PUSH_ACCESS, List.of("maintainer", "deploy-key:release"));
    Entity hidden = g.project(g.top(), "hidden", "private");
    g.defaultBranch(hidden);
    Entity archived = g.project(g.top(), "archived", "private").set(Attr.ARCHIVED, true);
    g.defaultBranch(archived).set(Attr.PROTECTED, false);
    g.project(g.top(), "empty", "private").set(Attr.DEFAULT_BRANCH, null);

    assertThat(failing(new DefaultBranchUnprotected()))
        .containsExactly("gitlab:acme/open#branch/main");
    assertThat(counts(new DefaultBranchUnprotected(), g)).containsExactly(4, 1, 1);
    assertThat(failing(new ForcePushAllowed())).containsExactly("gitlab:acme/forced#branch/main");
    List<Finding> pushes = RuleHarness.findings(new DirectPushAllowed(), g.graph());
    assertThat(pushes)
        .extracting(Finding::resource, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/dev-push#branch/main", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple(
                "gitlab:acme/maint-push#branch/main", Severity.MEDIUM));
    assertThat(pushes.get(1).evidence())
        .containsEntry("allowed_to_push", List.of("maintainer", "deploy-key:release"));
  }

  @Test
  void approvalsAreRequiredAndCannotBeSidestepped() {
    Entity none = g.project(g.top(), "none", "private");
    g.wellProtectedBranch(none).set(Attr.REQUIRED_APPROVALS, 0);
    Entity free = g.project(g.top(), "free-tier", "private");
    g.wellProtectedBranch(free).set(Attr.REQUIRED_APPROVALS, null);
    Entity selfApprove =
        g.project(g.top(), "self", "private")
            .set(Attr.AUTHOR_CAN_APPROVE, true)
            .set(Attr.COMMITTERS_CAN_APPROVE, false)
            .set(Attr.APPROVALS_RESET_ON_PUSH, false)
            .set(Attr.APPROVERS_OVERRIDABLE, false);
    g.wellProtectedBranch(selfApprove);
    Entity strict =
        g.project(g.top(), "strict", "private")
            .set(Attr.AUTHOR_CAN_APPROVE, false)
            .set(Attr.COMMITTERS_CAN_APPROVE, false)
            .set(Attr.APPROVALS_RESET_ON_PUSH, true)
            .set(Attr.APPROVERS_OVERRIDABLE, false);
    g.wellProtectedBranch(strict);

    assertThat(failing(new ReviewNotRequired())).containsExactly("gitlab:acme/none#branch/main");
    assertThat(counts(new ReviewNotRequired(), g)).containsExactly(2, 1, 1);
    List<Finding> bypass = RuleHarness.findings(new ApprovalBypassable(), g.graph());
    assertThat(bypass)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme/self");
              assertThat(f.weakness().id()).isEqualTo("protection-bypassable");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat((List<?>) f.evidence().get("gaps")).hasSize(2);
            });
    // "none" requires no approval: left to ReviewNotRequired; "free-tier" is unknown there.
    assertThat(counts(new ApprovalBypassable(), g)).containsExactly(1, 1, 0);
  }

  @Test
  void pipelinesMustSucceedAndSkippedPipelinesMustNotCount() {
    g.project(g.top(), "lax", "private").set(Attr.STATUS_CHECKS_REQUIRED, false);
    g.project(g.top(), "skip", "private")
        .set(Attr.STATUS_CHECKS_REQUIRED, true)
        .set(Attr.SKIPPED_PIPELINE_ALLOWED, true);
    g.project(g.top(), "strict", "private")
        .set(Attr.STATUS_CHECKS_REQUIRED, true)
        .set(Attr.SKIPPED_PIPELINE_ALLOWED, false);
    g.project(g.top(), "hidden", "private");
    List<Finding> f = RuleHarness.findings(new PipelineNotRequired(), g.graph());
    assertThat(f)
        .extracting(Finding::resource, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/lax", Severity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/skip", Severity.LOW));
    assertThat(counts(new PipelineNotRequired(), g)).containsExactly(1, 2, 1);
  }

  @Test
  void pushRulesSignedCommitsAndSecretPushProtection() {
    Entity unsigned = g.project(g.top(), "unsigned", "private").set(Attr.PUSH_PROTECTION, false);
    g.wellProtectedBranch(unsigned).set(Attr.SIGNED_COMMITS_REQUIRED, false);
    Entity signed = g.project(g.top(), "signed", "private").set(Attr.PUSH_PROTECTION, true);
    g.wellProtectedBranch(signed);
    Entity free = g.project(g.top(), "free", "private");
    g.wellProtectedBranch(free).set(Attr.SIGNED_COMMITS_REQUIRED, null);

    assertThat(failing(new UnsignedCommitsAllowed()))
        .containsExactly("gitlab:acme/unsigned#branch/main");
    assertThat(counts(new UnsignedCommitsAllowed(), g)).containsExactly(1, 1, 1);
    assertThat(failing(new SecretPushProtectionDisabled())).containsExactly("gitlab:acme/unsigned");
    assertThat(counts(new SecretPushProtectionDisabled(), g)).containsExactly(1, 1, 1);
  }

  @Test
  void webhooksNeedHttpsVerifiedTlsAndASecret() {
    Entity p = g.project(g.top(), "api", "private");
    g.part(p, EntityKind.WEBHOOK, "hook", "1")
        .set(Attr.URL_SCHEME, "http")
        .set(Attr.TLS_VERIFIED, true)
        .set(Attr.SECRET_CONFIGURED, true);
    g.part(p, EntityKind.WEBHOOK, "hook", "2")
        .set(Attr.URL_SCHEME, "https")
        .set(Attr.TLS_VERIFIED, false)
        .set(Attr.SECRET_CONFIGURED, false);
    g.part(g.top(), EntityKind.WEBHOOK, "hook", "3")
        .set(Attr.URL_SCHEME, "https")
        .set(Attr.TLS_VERIFIED, true);
    assertThat(failing(new WebhookInsecureTransport()))
        .containsExactly("gitlab:acme/api#hook/1", "gitlab:acme/api#hook/2");
    assertThat(counts(new WebhookInsecureTransport(), g)).containsExactly(1, 2, 0);
    assertThat(failing(new WebhookUnauthenticated())).containsExactly("gitlab:acme/api#hook/2");
    assertThat(counts(new WebhookUnauthenticated(), g)).containsExactly(1, 1, 1);
  }

  @Test
  void sharedRunnersTakingUntaggedJobsAndSelfHostedRunnersOnPublicProjects() {
    Entity pub = g.project(g.top(), "sdk", "public").set(Attr.RUNNERS_LISTED, true);
    Entity priv = g.project(g.top(), "api", "private").set(Attr.RUNNERS_LISTED, true);
    Entity hostedPub = g.project(g.top(), "docs", "public").set(Attr.RUNNERS_LISTED, true);
    g.project(g.top(), "blind", "public");
    Entity instance = g.runner("1", "instance").set(Attr.RUN_UNTAGGED, true);
    Entity group = g.runner("2", "group").set(Attr.RUN_UNTAGGED, false);
    Entity unlocked = g.runner("3", "project").set(Attr.RUN_UNTAGGED, true).set(Attr.LOCKED, false);
    Entity locked = g.runner("4", "project").set(Attr.RUN_UNTAGGED, true).set(Attr.LOCKED, true);
    Entity hosted = g.runner("5", "instance").set(Attr.RUN_UNTAGGED, true).set(Attr.HOSTED, true);
    for (Entity p : List.of(pub, priv)) {
      g.graph().relate(p, RelationKind.RUNS_ON, instance, "gitlab");
      g.graph().relate(p, RelationKind.RUNS_ON, unlocked, "gitlab");
    }
    g.graph().relate(priv, RelationKind.RUNS_ON, group, "gitlab");
    g.graph().relate(priv, RelationKind.RUNS_ON, locked, "gitlab");
    g.graph().relate(hostedPub, RelationKind.RUNS_ON, hosted, "gitlab");

    List<Finding> untagged = RuleHarness.findings(new RunnerSharedUntagged(), g.graph());
    assertThat(untagged)
        .extracting(Finding::resource, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(instance.id(), Severity.MEDIUM),
            org.assertj.core.groups.Tuple.tuple(unlocked.id(), Severity.LOW));
    assertThat(counts(new RunnerSharedUntagged(), g)).containsExactly(2, 2, 0);

    List<Finding> exposed = RuleHarness.findings(new SelfHostedRunnerPublic(), g.graph());
    assertThat(exposed)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme/sdk");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence()).containsEntry("runners", List.of("runner-1", "runner-3"));
            });
    assertThat(counts(new SelfHostedRunnerPublic(), g)).containsExactly(1, 1, 1);
  }

  @Test
  void productionEnvironmentsMustBeProtected() {
    Entity p = g.project(g.top(), "api", "private");
    g.part(p, EntityKind.ENVIRONMENT, "environment", "production")
        .set(Attr.TIER, "production")
        .set(Attr.PROTECTED, false);
    g.part(p, EntityKind.ENVIRONMENT, "environment", "prod-eu")
        .set(Attr.PROTECTED, true)
        .set(Attr.DEPLOY_ACCESS, List.of("developer"));
    g.part(p, EntityKind.ENVIRONMENT, "environment", "live")
        .set(Attr.TIER, "production")
        .set(Attr.PROTECTED, true)
        .set(Attr.DEPLOY_ACCESS, List.of("maintainer"));
    g.part(p, EntityKind.ENVIRONMENT, "environment", "review/feature-x")
        .set(Attr.TIER, "development")
        .set(Attr.PROTECTED, false);
    g.part(p, EntityKind.ENVIRONMENT, "environment", "production-us").set(Attr.TIER, "production");
    List<Finding> f = RuleHarness.findings(new EnvironmentUnprotected(), g.graph());
    assertThat(f)
        .extracting(Finding::resource, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "gitlab:acme/api#environment/production", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple(
                "gitlab:acme/api#environment/prod-eu", Severity.MEDIUM));
    assertThat(counts(new EnvironmentUnprotected(), g)).containsExactly(1, 2, 1);
  }

  @Test
  void jobTokenScopeAndPublicJobLogs() {
    g.project(g.top(), "open-token", "private").set(Attr.CI_TOKEN_SCOPE_LIMITED, false);
    g.project(g.top(), "scoped", "public")
        .set(Attr.CI_TOKEN_SCOPE_LIMITED, true)
        .set(Attr.JOB_LOGS_PUBLIC, true);
    g.project(g.top(), "internal-logs", "internal").set(Attr.JOB_LOGS_PUBLIC, true);
    g.project(g.top(), "members-only", "public").set(Attr.JOB_LOGS_PUBLIC, false);
    g.project(g.top(), "private-logs", "private").set(Attr.JOB_LOGS_PUBLIC, true);

    assertThat(failing(new CiJobTokenUnscoped())).containsExactly("gitlab:acme/open-token");
    assertThat(counts(new CiJobTokenUnscoped(), g)).containsExactly(1, 1, 3);
    assertThat(RuleHarness.findings(new PipelineLogsPublic(), g.graph()))
        .extracting(Finding::resource, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/scoped", Severity.LOW),
            org.assertj.core.groups.Tuple.tuple("gitlab:acme/internal-logs", Severity.INFO));
    assertThat(counts(new PipelineLogsPublic(), g)).containsExactly(3, 2, 0);
  }
}
