package dev.tenet.core.rules.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubRepositoryRulesTest {

  @Test
  void bypassableWhenAdminsAreExemptOrRulesetsListBypassActors() {
    GitHubGraph g = GitHubGraph.org("a");
    g.protectedBranch(g.repository("classic-lax", "private"))
        .set(Attr.PROTECTION_SOURCES, List.of("branch-protection"))
        .set(Attr.ENFORCE_ADMINS, false)
        .set(Attr.BYPASS_ACTORS, List.of());
    g.protectedBranch(g.repository("classic-strict", "private"))
        .set(Attr.PROTECTION_SOURCES, List.of("branch-protection"))
        .set(Attr.ENFORCE_ADMINS, true)
        .set(Attr.BYPASS_ACTORS, List.of());
    g.protectedBranch(g.repository("ruleset-bypass", "private"))
        .set(Attr.PROTECTION_SOURCES, List.of("ruleset:Default branch"))
        .set(Attr.BYPASS_ACTORS, List.of("team:release-managers (always)"));
    g.protectedBranch(g.repository("ruleset-clean", "private"))
        .set(Attr.PROTECTION_SOURCES, List.of("ruleset:Default branch"))
        .set(Attr.BYPASS_ACTORS, List.of());
    g.protectedBranch(g.repository("both", "private"))
        .set(Attr.PROTECTION_SOURCES, List.of("branch-protection", "ruleset:Baseline"))
        .set(Attr.ENFORCE_ADMINS, false)
        .set(Attr.BYPASS_ACTORS, List.of());
    g.defaultBranch(g.repository("hidden", "private"))
        .set(Attr.PROTECTED, true)
        .set(Attr.PROTECTION_SOURCES, List.of("ruleset:Default branch"));

    List<Finding> findings = RuleHarness.findings(new ProtectionBypassable(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a/classic-lax#branch/main", "github:a/ruleset-bypass#branch/main");
    assertThat(findings.get(0).message()).contains("admins are not included");
    assertThat(findings.get(1).message()).contains("team:release-managers (always)");
    RuleTally t = RuleHarness.tally(new ProtectionBypassable(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(3, 2, 1);
  }

  @Test
  void checksAndSignaturesAreJudgedOnProtectedBranchesOnly() {
    GitHubGraph g = GitHubGraph.org("a");
    g.protectedBranch(g.repository("good", "private"))
        .set(Attr.REQUIRED_CHECKS, List.of("build"))
        .set(Attr.SIGNED_COMMITS_REQUIRED, true);
    g.protectedBranch(g.repository("bad", "private"))
        .set(Attr.REQUIRED_CHECKS, List.of())
        .set(Attr.SIGNED_COMMITS_REQUIRED, false);
    g.defaultBranch(g.repository("open", "private"))
        .set(Attr.PROTECTED, false)
        .set(Attr.REQUIRED_CHECKS, List.of())
        .set(Attr.SIGNED_COMMITS_REQUIRED, false);
    g.defaultBranch(g.repository("partial", "private")).set(Attr.PROTECTED, true);

    assertThat(RuleHarness.findings(new StatusChecksNotRequired(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/bad#branch/main");
    assertThat(RuleHarness.findings(new UnsignedCommitsAllowed(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/bad#branch/main");
    RuleTally t = RuleHarness.tally(new UnsignedCommitsAllowed(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 1);
  }

  @Test
  void writableDeployKeysFail() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity repo = g.repository("api", "private");
    g.repoPart(repo, EntityKind.DEPLOY_KEY, "deploy-key", "1").set(Attr.READ_ONLY, true);
    g.repoPart(repo, EntityKind.DEPLOY_KEY, "deploy-key", "2").set(Attr.READ_ONLY, false);
    g.repoPart(
            g.repository("old", "private").set(Attr.ARCHIVED, true),
            EntityKind.DEPLOY_KEY,
            "deploy-key",
            "3")
        .set(Attr.READ_ONLY, false);
    assertThat(RuleHarness.findings(new DeployKeyWrite(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/api#deploy-key/2");
  }

  @Test
  void environmentsWithoutGatesAndEnvironmentsOpenToAnyBranchFail() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity repo = g.repository("api", "private");
    g.repoPart(repo, EntityKind.ENVIRONMENT, "environment", "production")
        .set(Attr.REQUIRED_REVIEWERS, List.of())
        .set(Attr.WAIT_TIMER_MINUTES, 0)
        .set(Attr.DEPLOYMENT_BRANCHES, "any");
    g.repoPart(repo, EntityKind.ENVIRONMENT, "environment", "staging")
        .set(Attr.REQUIRED_REVIEWERS, List.of())
        .set(Attr.WAIT_TIMER_MINUTES, 0)
        .set(Attr.DEPLOYMENT_BRANCHES, "selected")
        .set(Attr.DEPLOYMENT_BRANCH_PATTERNS, List.of("*"));
    g.repoPart(repo, EntityKind.ENVIRONMENT, "environment", "prod-eu")
        .set(Attr.REQUIRED_REVIEWERS, List.of("team:sre"))
        .set(Attr.DEPLOYMENT_BRANCHES, "protected");
    g.repoPart(repo, EntityKind.ENVIRONMENT, "environment", "canary")
        .set(Attr.REQUIRED_REVIEWERS, List.of())
        .set(Attr.WAIT_TIMER_MINUTES, 15)
        .set(Attr.DEPLOYMENT_BRANCHES, "selected")
        .set(Attr.DEPLOYMENT_BRANCH_PATTERNS, List.of("main", "release/*"));
    g.repoPart(repo, EntityKind.ENVIRONMENT, "environment", "unknown");

    List<Finding> unprotected = RuleHarness.findings(new EnvironmentUnprotected(), g.graph());
    assertThat(unprotected)
        .extracting(Finding::resource)
        .containsExactly("github:a/api#environment/production", "github:a/api#environment/staging");
    assertThat(unprotected)
        .extracting(Finding::severity)
        .containsExactly(Severity.HIGH, Severity.MEDIUM);
    assertThat(RuleHarness.findings(new EnvironmentAnyBranch(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/api#environment/production", "github:a/api#environment/staging");
    RuleTally t = RuleHarness.tally(new EnvironmentAnyBranch(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(2, 2, 1);
  }

  @Test
  void securityFeaturesOffFailOnFailOthersUnknown() {
    GitHubGraph g = GitHubGraph.org("a");
    g.repository("on", "private")
        .set(Attr.SECRET_SCANNING, true)
        .set(Attr.PUSH_PROTECTION, true)
        .set(Attr.VULNERABILITY_ALERTS, true)
        .set(Attr.CODE_SCANNING, true);
    g.repository("off", "private")
        .set(Attr.SECRET_SCANNING, false)
        .set(Attr.PUSH_PROTECTION, false)
        .set(Attr.VULNERABILITY_ALERTS, false)
        .set(Attr.CODE_SCANNING, false);
    g.repository("nopush", "public")
        .set(Attr.SECRET_SCANNING, true)
        .set(Attr.PUSH_PROTECTION, false);
    g.repository("hidden", "private");

    List<Finding> scanning = RuleHarness.findings(new SecretScanningDisabled(), g.graph());
    assertThat(scanning)
        .extracting(Finding::resource)
        .containsExactly("github:a/off", "github:a/nopush");
    assertThat(scanning.get(1).message()).contains("does not block pushes");
    assertThat(RuleHarness.findings(new VulnerabilityAlertsDisabled(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/off");
    RuleTally code = RuleHarness.tally(new CodeScanningDisabled(), g.graph());
    assertThat(List.of(code.passed(), code.failed(), code.unknown())).containsExactly(1, 1, 2);
  }
}
