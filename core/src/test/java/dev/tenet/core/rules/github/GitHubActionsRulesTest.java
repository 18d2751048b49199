package dev.tenet.core.rules.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubActionsRulesTest {

  @Test
  void weakOrganizationDefaultMakesOneFindingListingRepositoriesThatKeepIt() {
    GitHubGraph g = GitHubGraph.org("a").set(Attr.CI_TOKEN_PERMISSIONS, "write");
    g.repository("inherits", "private").set(Attr.CI_TOKEN_PERMISSIONS, "write");
    g.repository("tightened", "private").set(Attr.CI_TOKEN_PERMISSIONS, "read");
    g.repository("unread", "private");
    g.repository("disabled", "private")
        .set(Attr.PIPELINES_ENABLED, false)
        .set(Attr.CI_TOKEN_PERMISSIONS, "write");

    List<Finding> findings = RuleHarness.findings(new CiTokenDefaultWrite(), g.graph());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a");
              assertThat(f.evidence())
                  .containsEntry("repositories_with_this_setting", List.of("inherits"));
            });
    RuleTally t = RuleHarness.tally(new CiTokenDefaultWrite(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 0);
  }

  @Test
  void repositoryWeakerThanAStrictOrHiddenOrganizationIsFoundOnTheRepository() {
    GitHubGraph strict = GitHubGraph.org("a").set(Attr.CI_TOKEN_CAN_APPROVE, false);
    strict.repository("loose", "private").set(Attr.CI_TOKEN_CAN_APPROVE, true);
    strict.repository("fine", "private").set(Attr.CI_TOKEN_CAN_APPROVE, false);
    assertThat(RuleHarness.findings(new CiTokenCanApprove(), strict.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a/loose");
              assertThat(f.evidence()).containsEntry("organization_setting", "stricter");
            });

    GitHubGraph hidden = GitHubGraph.org("a");
    hidden.repository("loose", "private").set(Attr.CI_TOKEN_CAN_APPROVE, true);
    hidden.repository("unread", "private");
    assertThat(RuleHarness.findings(new CiTokenCanApprove(), hidden.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/loose");
    RuleTally t = RuleHarness.tally(new CiTokenCanApprove(), hidden.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(0, 1, 2);
  }

  @Test
  void allowedActionsAllOrWildcardIsUnrestrictedSelectedIsFine() {
    assertThat(
            RuleHarness.findings(
                new ThirdPartyActionsUnrestricted(),
                GitHubGraph.org("a").set(Attr.ALLOWED_ACTIONS, "all").graph()))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("any action from any publisher"));
    assertThat(
            RuleHarness.findings(
                new ThirdPartyActionsUnrestricted(),
                GitHubGraph.org("a")
                    .set(Attr.ALLOWED_ACTIONS, "selected")
                    .set(Attr.ALLOWED_ACTION_PATTERNS, List.of("*"))
                    .graph()))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("wildcard"));
    GitHubGraph ok =
        GitHubGraph.org("a")
            .set(Attr.ALLOWED_ACTIONS, "selected")
            .set(Attr.ALLOWED_ACTION_PATTERNS, List.of("docker/login-action@*"));
    ok.repository("local", "private").set(Attr.ALLOWED_ACTIONS, "local_only");
    assertThat(RuleHarness.findings(new ThirdPartyActionsUnrestricted(), ok.graph())).isEmpty();
    assertThat(RuleHarness.tally(new ThirdPartyActionsUnrestricted(), ok.graph()).passed())
        .isEqualTo(2);
  }

  @Test
  void forkApprovalIsJudgedOnPublicRepositoriesAndOrganizationPrivateForkSettings() {
    GitHubGraph g =
        GitHubGraph.org("a")
            .set(Attr.FORK_APPROVAL_POLICY, "first_time_contributors")
            .set(Attr.PRIVATE_FORK_PIPELINES, false);
    g.repository("sdk", "public").set(Attr.FORK_APPROVAL_POLICY, ForkWorkflowsUnapproved.WEAKEST);
    g.repository("cli", "public").set(Attr.FORK_APPROVAL_POLICY, "all_external_contributors");
    g.repository("private", "private")
        .set(Attr.FORK_APPROVAL_POLICY, ForkWorkflowsUnapproved.WEAKEST);
    assertThat(RuleHarness.findings(new ForkWorkflowsUnapproved(), g.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a/sdk");
              assertThat(f.message()).contains("accounts new to GitHub");
            });

    GitHubGraph privateForks =
        GitHubGraph.org("b")
            .set(Attr.FORK_APPROVAL_POLICY, "first_time_contributors")
            .set(Attr.PRIVATE_FORK_PIPELINES, true)
            .set(Attr.PRIVATE_FORK_APPROVAL_REQUIRED, false)
            .set(Attr.PRIVATE_FORK_SECRETS, true);
    assertThat(RuleHarness.findings(new ForkWorkflowsUnapproved(), privateForks.graph()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("forks of private repositories run without approval")
                    .contains("receive secrets"));
  }

  @Test
  void runnerGroupsOpenToPublicRepositoriesWithRunnersFail() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity pub = g.repository("sdk", "public");
    Entity priv = g.repository("api", "private");
    Entity open =
        g.orgPart(EntityKind.RUNNER_GROUP, "runner-group", "public-ci")
            .set(Attr.PUBLIC_REPOSITORIES_ALLOWED, true)
            .set(Attr.RUNNER_COUNT, 2);
    Entity closed =
        g.orgPart(EntityKind.RUNNER_GROUP, "runner-group", "Default")
            .set(Attr.PUBLIC_REPOSITORIES_ALLOWED, false)
            .set(Attr.RUNNER_COUNT, 3);
    Entity privateOnly =
        g.orgPart(EntityKind.RUNNER_GROUP, "runner-group", "gpu")
            .set(Attr.PUBLIC_REPOSITORIES_ALLOWED, true)
            .set(Attr.RUNNER_COUNT, 1);
    Entity empty =
        g.orgPart(EntityKind.RUNNER_GROUP, "runner-group", "empty")
            .set(Attr.PUBLIC_REPOSITORIES_ALLOWED, true)
            .set(Attr.RUNNER_COUNT, 0);
    for (Entity grp : List.of(open, closed, empty)) {
      g.graph().relate(pub, RelationKind.RUNS_ON, grp, "github");
      g.graph().relate(priv, RelationKind.RUNS_ON, grp, "github");
    }
    g.graph().relate(priv, RelationKind.RUNS_ON, privateOnly, "github");
    g.repoPart(pub, EntityKind.RUNNER, "runner", "mac-mini").set(Attr.EPHEMERAL, false);
    g.repoPart(priv, EntityKind.RUNNER, "runner", "builder").set(Attr.EPHEMERAL, true);

    List<Finding> findings = RuleHarness.findings(new SelfHostedRunnerPublic(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a#runner-group/public-ci", "github:a/sdk#runner/mac-mini");
    assertThat(findings.get(0).evidence()).containsEntry("public_repositories", List.of("sdk"));
    RuleTally t = RuleHarness.tally(new SelfHostedRunnerPublic(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(4, 2, 0);

    assertThat(RuleHarness.findings(new RunnerPersistent(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/sdk#runner/mac-mini");
  }

  @Test
  void staleSecretsAndBroadlySharedOrganizationSecretsFail() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity repo = g.repository("api", "private");
    g.orgPart(EntityKind.SECRET, "secret", "NPM_TOKEN")
        .set(Attr.SHARED_WITH, "all")
        .set(Attr.UPDATED_AT, "2026-10-01T00:00:00Z");
    g.orgPart(EntityKind.SECRET, "secret", "SONAR_TOKEN")
        .set(Attr.SHARED_WITH, "selected")
        .set(Attr.UPDATED_AT, "2024-06-01T00:00:00Z");
    g.orgPart(EntityKind.SECRET, "secret", "DOCKER_TOKEN").set(Attr.SHARED_WITH, "private");
    g.repoPart(repo, EntityKind.SECRET, "secret", "AWS_KEY")
        .set(Attr.UPDATED_AT, "2025-01-01T00:00:00Z");
    g.graph()
        .relate(
            repo, RelationKind.READS_SECRET, g.graph().get("github:a#secret/NPM_TOKEN"), "github");

    assertThat(RuleHarness.findings(new SecretStale(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a#secret/SONAR_TOKEN", "github:a/api#secret/AWS_KEY");
    RuleTally stale = RuleHarness.tally(new SecretStale(), g.graph());
    assertThat(List.of(stale.passed(), stale.failed(), stale.unknown())).containsExactly(1, 2, 1);

    List<Finding> shared = RuleHarness.findings(new SecretBroadlyShared(), g.graph());
    assertThat(shared)
        .extracting(Finding::resource)
        .containsExactly("github:a#secret/NPM_TOKEN", "github:a#secret/DOCKER_TOKEN");
    assertThat(shared.get(0).message()).contains("available to all repositories (1)");
    RuleTally t = RuleHarness.tally(new SecretBroadlyShared(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 2, 0);
  }
}
