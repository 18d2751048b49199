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

class GitHubIntegrationRulesTest {

  private static Entity hook(
      GitHubGraph g, String id, String endpoint, Boolean tls, Boolean secret) {
    return g.orgPart(EntityKind.WEBHOOK, "hook", id)
        .set(Attr.ENDPOINT, endpoint)
        .set(Attr.TLS_VERIFIED, tls)
        .set(Attr.SECRET_CONFIGURED, secret)
        .set(Attr.ACTIVE, true);
  }

  @Test
  void webhooksOverHttpOrWithoutTlsVerificationFail() {
    GitHubGraph g = GitHubGraph.org("a");
    hook(g, "1", "https://hooks.example.com", true, true);
    hook(g, "2", "http://siem.internal:8080", true, true);
    hook(g, "3", "https://ci.example.com", false, true);
    hook(g, "4", "http://old.example.com", true, true).set(Attr.ACTIVE, false);
    g.orgPart(EntityKind.WEBHOOK, "hook", "5");

    List<Finding> findings = RuleHarness.findings(new WebhookInsecureTransport(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a#hook/2", "github:a#hook/3", "github:a#hook/4");
    assertThat(findings.get(0).message()).contains("over plain HTTP");
    assertThat(findings.get(1).message()).contains("without verifying the TLS certificate");
    assertThat(findings.get(2).severity()).isEqualTo(Severity.LOW);
    RuleTally t = RuleHarness.tally(new WebhookInsecureTransport(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 3, 1);
  }

  @Test
  void webhooksWithoutSecretFail() {
    GitHubGraph g = GitHubGraph.org("a");
    hook(g, "1", "https://hooks.example.com", true, true);
    hook(g, "2", "https://hooks.example.com", true, false);
    g.orgPart(EntityKind.WEBHOOK, "hook", "3");
    assertThat(RuleHarness.findings(new WebhookUnauthenticated(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a#hook/2");
    RuleTally t = RuleHarness.tally(new WebhookUnauthenticated(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 1);
  }

  @Test
  void appsWithAdminOrSensitiveWriteOrWriteEverywhereAreOverprivileged() {
    GitHubGraph g = GitHubGraph.org("a");
    g.orgPart(EntityKind.APP, "app", "slack")
        .set(Attr.PERMISSIONS, List.of("metadata:read", "issues:read"))
        .set(Attr.REPOSITORY_SELECTION, "all");
    g.orgPart(EntityKind.APP, "app", "renovate")
        .set(Attr.PERMISSIONS, List.of("contents:write", "pull_requests:write"))
        .set(Attr.REPOSITORY_SELECTION, "selected");
    g.orgPart(EntityKind.APP, "app", "deployer")
        .set(Attr.PERMISSIONS, List.of("administration:write", "secrets:write", "metadata:read"))
        .set(Attr.REPOSITORY_SELECTION, "selected");
    g.orgPart(EntityKind.APP, "app", "pusher")
        .set(Attr.PERMISSIONS, List.of("contents:write"))
        .set(Attr.REPOSITORY_SELECTION, "all");
    g.orgPart(EntityKind.APP, "app", "mystery");

    List<Finding> findings = RuleHarness.findings(new AppOverprivileged(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a#app/deployer", "github:a#app/pusher");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(findings.get(0).evidence())
        .containsEntry("broad_permissions", List.of("administration:write", "secrets:write"));
    assertThat(findings.get(1).severity()).isEqualTo(Severity.MEDIUM);
    RuleTally t = RuleHarness.tally(new AppOverprivileged(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(2, 2, 1);
  }

  @Test
  void tokensWithoutExpiryAndBroadTokensFailExpiredOnesAreIgnored() {
    GitHubGraph g = GitHubGraph.org("a");
    g.orgPart(EntityKind.TOKEN, "token", "1")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.EXPIRES_AT, "2027-01-01T00:00:00Z")
        .set(Attr.PERMISSIONS, List.of("contents:read"))
        .set(Attr.REPOSITORY_SELECTION, "selected");
    g.orgPart(EntityKind.TOKEN, "token", "2")
        .set(Attr.HAS_EXPIRY, false)
        .set(Attr.OWNER, "sam")
        .set(Attr.PERMISSIONS, List.of("administration:write", "contents:write"))
        .set(Attr.REPOSITORY_SELECTION, "all");
    g.orgPart(EntityKind.TOKEN, "token", "3")
        .set(Attr.HAS_EXPIRY, true)
        .set(Attr.EXPIRES_AT, "2026-01-01T00:00:00Z")
        .set(Attr.PERMISSIONS, List.of("administration:write"));

    assertThat(RuleHarness.findings(new TokenNoExpiry(), g.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a#token/2");
              assertThat(f.message()).contains("of sam").contains("no expiry");
            });
    assertThat(RuleHarness.findings(new TokenOverprivileged(), g.graph()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsEntry(
                        "broad_permissions", List.of("administration:write", "contents:write")));
    RuleTally t = RuleHarness.tally(new TokenOverprivileged(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 0);

    GitHubGraph classic = GitHubGraph.org("a");
    classic
        .orgPart(EntityKind.TOKEN, "token", "sso-1")
        .set(Attr.TOKEN_TYPE, "classic-pat")
        .set(Attr.SCOPES, List.of("repo", "read:org", "admin:org"));
    classic
        .orgPart(EntityKind.TOKEN, "token", "sso-2")
        .set(Attr.TOKEN_TYPE, "classic-pat")
        .set(Attr.SCOPES, List.of("read:org"));
    assertThat(RuleHarness.findings(new TokenOverprivileged(), classic.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a#token/sso-1");
              assertThat(f.evidence())
                  .containsEntry("broad_permissions", List.of("repo", "admin:org"));
            });
  }

  @Test
  void scannerTokenFailsOnWriteScopesOrPermissionsAndIsUnknownForFineGrained() {
    GitHubGraph classic = GitHubGraph.org("a");
    classic
        .orgPart(EntityKind.TOKEN, "scanner-token", "tenet")
        .set(Attr.TOKEN_TYPE, "classic-pat")
        .set(Attr.SCOPES, List.of("read:org", "repo", "admin:org"));
    assertThat(RuleHarness.findings(new ScannerTokenOverprivileged(), classic.graph()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsEntry("write_access", List.of("repo", "admin:org")));
    // The scanner token is not a grant: the grant rules leave it alone.
    assertThat(RuleHarness.tally(new TokenOverprivileged(), classic.graph()).evaluated()).isZero();

    GitHubGraph readOnly = GitHubGraph.org("a");
    readOnly
        .orgPart(EntityKind.TOKEN, "scanner-token", "tenet")
        .set(Attr.TOKEN_TYPE, "classic-pat")
        .set(Attr.SCOPES, List.of("read:org", "read:audit_log"));
    assertThat(RuleHarness.tally(new ScannerTokenOverprivileged(), readOnly.graph()).passed())
        .isEqualTo(1);

    GitHubGraph app = GitHubGraph.org("a");
    app.orgPart(EntityKind.TOKEN, "scanner-token", "tenet")
        .set(Attr.TOKEN_TYPE, "app-installation")
        .set(Attr.PERMISSIONS, List.of("metadata:read", "administration:read", "issues:write"));
    assertThat(RuleHarness.findings(new ScannerTokenOverprivileged(), app.graph()))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("issues:write"));

    GitHubGraph fine = GitHubGraph.org("a");
    fine.orgPart(EntityKind.TOKEN, "scanner-token", "tenet")
        .set(Attr.TOKEN_TYPE, "fine-grained-pat");
    assertThat(RuleHarness.tally(new ScannerTokenOverprivileged(), fine.graph()).unknown())
        .isEqualTo(1);
  }

  @Test
  void evaluateOnlyRulesetsAreNotEnforcedDisabledOnesAreIgnored() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity repo = g.repository("r", "private");
    g.orgPart(EntityKind.POLICY, "ruleset", "1").set(Attr.ENFORCEMENT, "active");
    g.orgPart(EntityKind.POLICY, "ruleset", "2").set(Attr.ENFORCEMENT, "evaluate");
    g.repoPart(repo, EntityKind.POLICY, "ruleset", "3").set(Attr.ENFORCEMENT, "evaluate");
    g.repoPart(repo, EntityKind.POLICY, "ruleset", "4").set(Attr.ENFORCEMENT, "disabled");
    Entity old = g.repository("old", "private").set(Attr.ARCHIVED, true);
    g.repoPart(old, EntityKind.POLICY, "ruleset", "5").set(Attr.ENFORCEMENT, "evaluate");

    List<Finding> findings = RuleHarness.findings(new PolicyNotEnforced(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a#ruleset/2", "github:a/r#ruleset/3");
    assertThat(findings.get(1).message()).contains("of r is in evaluate mode");
    RuleTally t = RuleHarness.tally(new PolicyNotEnforced(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 2, 0);
  }
}
