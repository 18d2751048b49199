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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubAccessRulesTest {

  @Test
  void ssoFailsWhenNotConfiguredPassesWhenConfiguredUnknownWhenHidden() {
    assertThat(
            RuleHarness.findings(
                new SsoNotEnforced(), GitHubGraph.org("a").set(Attr.SSO_CONFIGURED, false).graph()))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no SAML single sign-on"));
    assertThat(
            RuleHarness.tally(
                    new SsoNotEnforced(),
                    GitHubGraph.org("a").set(Attr.SSO_CONFIGURED, true).graph())
                .passed())
        .isEqualTo(1);
    assertThat(RuleHarness.tally(new SsoNotEnforced(), GitHubGraph.org("a").graph()).unknown())
        .isEqualTo(1);
  }

  @Test
  void ownersInactiveBeyondTheThresholdFail() {
    GitHubGraph g = GitHubGraph.org("a");
    g.member("busy", "owner", true).set(Attr.LAST_ACTIVE_AT, RuleHarness.NOW.minusSeconds(86400));
    g.member("gone", "owner", true).set(Attr.LAST_ACTIVE_AT, Instant.parse("2026-01-01T00:00:00Z"));
    g.member("silent", "owner", true)
        .set(Attr.NO_ACTIVITY_SINCE, RuleHarness.NOW.minusSeconds(180L * 86400));
    g.member("recentWindow", "owner", true)
        .set(Attr.NO_ACTIVITY_SINCE, RuleHarness.NOW.minusSeconds(10L * 86400));
    g.member("hidden", "owner", true);
    g.member("dev", "member", true).set(Attr.LAST_ACTIVE_AT, "2020-01-01T00:00:00Z");

    List<Finding> findings = RuleHarness.findings(new OwnerInactive(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder("github:a#member/gone", "github:a#member/silent");
    assertThat(findings)
        .filteredOn(f -> f.resource().endsWith("gone"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("last active 329 days ago"));
    RuleTally t = RuleHarness.tally(new OwnerInactive(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 2, 2);
  }

  @Test
  void outsideCollaboratorsWithWriteOrAdminFailReadPasses() {
    GitHubGraph g = GitHubGraph.org("a").set(Attr.ACCESS_LISTED, true);
    Entity infra = g.repository("infra", "private");
    Entity docs = g.repository("docs", "public");
    Entity old = g.repository("old", "private").set(Attr.ARCHIVED, true);
    g.outsideCollaborator("contractor", infra, "admin");
    g.outsideCollaborator("vendor", docs, "write");
    g.outsideCollaborator("auditor", infra, "read");
    g.outsideCollaborator("former", old, "admin");

    List<Finding> findings = RuleHarness.findings(new OutsideCollaboratorPrivileged(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder(
            "github:a#collaborator/contractor", "github:a#collaborator/vendor");
    assertThat(findings)
        .filteredOn(f -> f.resource().endsWith("contractor"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence()).containsEntry("repositories", List.of("infra:admin"));
            });
    RuleTally t = RuleHarness.tally(new OutsideCollaboratorPrivileged(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(2, 2, 0);

    GitHubGraph partial = GitHubGraph.org("b");
    partial.outsideCollaborator("x", partial.repository("r", "private"), "read");
    assertThat(RuleHarness.tally(new OutsideCollaboratorPrivileged(), partial.graph()).unknown())
        .isEqualTo(1);
  }

  @Test
  void teamsWithWriteOnMostRepositoriesAreBroad() {
    GitHubGraph g = GitHubGraph.org("a");
    List<Entity> repos = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      repos.add(g.repository("r" + i, "private"));
    }
    Entity everyone = g.team("engineering");
    repos.forEach(r -> g.grant(everyone, r, "write"));
    Entity readers = g.team("security");
    repos.forEach(r -> g.grant(readers, r, "read"));
    Entity payments = g.team("payments");
    g.grant(payments, repos.get(0), "admin").grant(payments, repos.get(1), "write");
    Entity hidden = g.orgPart(EntityKind.TEAM, "team", "hidden");

    List<Finding> findings = RuleHarness.findings(new TeamAccessBroad(), g.graph());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a#team/engineering");
              assertThat(f.message()).contains("6 of the 6 active repositories");
            });
    RuleTally t = RuleHarness.tally(new TeamAccessBroad(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(2, 1, 1);
    assertThat(hidden.has(Attr.ACCESS_LISTED)).isFalse();
  }

  @Test
  void outsideCollaboratorsWithoutMfaAreFlaggedToo() {
    GitHubGraph g = GitHubGraph.org("a");
    Entity repo = g.repository("r", "private");
    g.outsideCollaborator("nomfa", repo, "read").set(Attr.MFA_ENABLED, false);
    g.outsideCollaborator("mfa", repo, "read").set(Attr.MFA_ENABLED, true);
    assertThat(RuleHarness.findings(new MemberMfaDisabled(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a#collaborator/nomfa");
  }
}
