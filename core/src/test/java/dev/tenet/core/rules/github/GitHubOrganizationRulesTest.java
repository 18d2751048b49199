package dev.tenet.core.rules.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubOrganizationRulesTest {

  @Test
  void orgMfaFailsWhenNotRequiredPassesWhenRequiredUnknownWhenHidden() {
    assertThat(
            RuleHarness.findings(
                new OrgMfaNotEnforced(),
                GitHubGraph.org("a").set(Attr.MFA_REQUIRED, false).graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a");
              assertThat(f.weakness().id()).isEqualTo("org-mfa-not-enforced");
              assertThat(f.message()).contains("does not require two-factor");
            });
    RuleTally pass =
        RuleHarness.tally(
            new OrgMfaNotEnforced(), GitHubGraph.org("a").set(Attr.MFA_REQUIRED, true).graph());
    assertThat(pass.passed()).isEqualTo(1);
    RuleTally unknown = RuleHarness.tally(new OrgMfaNotEnforced(), GitHubGraph.org("a").graph());
    assertThat(unknown.unknown()).isEqualTo(1);
    assertThat(unknown.passed()).isZero();
  }

  @Test
  void membersWithoutMfaAreFlaggedOwnersAsCritical() {
    GitHubGraph g = GitHubGraph.org("a");
    g.member("ok", "member", true);
    g.member("bob", "member", false);
    g.member("root", "owner", false);
    g.member("hidden", "member", null);

    List<Finding> findings = RuleHarness.findings(new MemberMfaDisabled(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactly("github:a#member/bob", "github:a#member/root");
    assertThat(findings)
        .extracting(Finding::severity)
        .containsExactly(Severity.HIGH, Severity.CRITICAL);
    RuleTally t = RuleHarness.tally(new MemberMfaDisabled(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 2, 1);
  }

  @Test
  void basePermissionWriteOrAdminIsBroadReadIsFine() {
    assertThat(
            RuleHarness.findings(
                new BasePermissionBroad(),
                GitHubGraph.org("a").set(Attr.BASE_PERMISSION, "write").graph()))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.HIGH);
    assertThat(
            RuleHarness.findings(
                new BasePermissionBroad(),
                GitHubGraph.org("a").set(Attr.BASE_PERMISSION, "admin").graph()))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.CRITICAL);
    assertThat(
            RuleHarness.findings(
                new BasePermissionBroad(),
                GitHubGraph.org("a").set(Attr.BASE_PERMISSION, "read").graph()))
        .isEmpty();
    assertThat(RuleHarness.tally(new BasePermissionBroad(), GitHubGraph.org("a").graph()).unknown())
        .isEqualTo(1);
  }

  @Test
  void ownersBeyondTheMaximumAreExcessive() {
    GitHubGraph g = GitHubGraph.org("a");
    for (int i = 0; i < 3; i++) {
      g.member("owner" + i, "owner", true);
    }
    g.member("dev", "member", true);
    RuleSettings two = new RuleSettings(90, 2, 365, List.of());
    assertThat(
            RuleHarness.run(new ExcessiveOwners(), g.graph(), List.of(), List.of(), two).findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsEntry("owners", List.of("owner0", "owner1", "owner2")));
    RuleSettings three = new RuleSettings(90, 3, 365, List.of());
    assertThat(
            RuleHarness.run(new ExcessiveOwners(), g.graph(), List.of(), List.of(), three)
                .findings())
        .isEmpty();
    assertThat(RuleHarness.tally(new ExcessiveOwners(), GitHubGraph.org("b").graph()).unknown())
        .isEqualTo(1);
  }
}
