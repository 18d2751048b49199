package dev.tenet.core.rules.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitLabGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitLabGroupRulesTest {

  private static List<Integer> counts(RuleTally t) {
    return List.of(t.passed(), t.failed(), t.unknown());
  }

  @Test
  void twoFactorMustBeRequiredWithAShortGracePeriod() {
    GitLabGraph off = GitLabGraph.group("acme").set(Attr.MFA_REQUIRED, false);
    assertThat(RuleHarness.findings(new GroupMfaNotEnforced(), off.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme");
              assertThat(f.weakness().id()).isEqualTo("org-mfa-not-enforced");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
            });
    GitLabGraph longGrace =
        GitLabGraph.group("acme")
            .set(Attr.MFA_REQUIRED, true)
            .set(Attr.MFA_GRACE_PERIOD_HOURS, 720);
    assertThat(RuleHarness.findings(new GroupMfaNotEnforced(), longGrace.graph()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.evidence()).containsEntry("two_factor_grace_period", 720L);
            });
    GitLabGraph good =
        GitLabGraph.group("acme").set(Attr.MFA_REQUIRED, true).set(Attr.MFA_GRACE_PERIOD_HOURS, 48);
    assertThat(counts(RuleHarness.tally(new GroupMfaNotEnforced(), good.graph())))
        .containsExactly(1, 0, 0);
    assertThat(counts(RuleHarness.tally(new GroupMfaNotEnforced(), GitLabGraph.group("a").graph())))
        .containsExactly(0, 0, 1);
  }

  @Test
  void onlyTheTopGroupIsJudgedForTwoFactor() {
    GitLabGraph g = GitLabGraph.group("acme").set(Attr.MFA_REQUIRED, true);
    g.subgroup(g.top(), "platform").set(Attr.MFA_REQUIRED, false);
    assertThat(RuleHarness.findings(new GroupMfaNotEnforced(), g.graph())).isEmpty();
  }

  @Test
  void membersWithoutTwoFactorAreFlaggedOnceWithTheirHighestRole() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity sub = g.subgroup(g.top(), "platform");
    g.member(g.top(), "dev", "developer", false).set(Attr.MFA_ENABLED, false);
    Entity boss = g.member(g.top(), "boss", "developer", false).set(Attr.MFA_ENABLED, false);
    g.member(sub, "boss", "maintainer", false);
    g.member(g.top(), "ok", "owner", false).set(Attr.MFA_ENABLED, true);
    g.member(g.top(), "hidden", "owner", false);
    List<Finding> findings = RuleHarness.findings(new MemberMfaDisabled(), g.graph());
    assertThat(findings)
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder("gitlab:acme#member/dev", boss.id());
    assertThat(findings)
        .filteredOn(f -> f.resource().equals(boss.id()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.evidence()).containsEntry("role", "maintainer");
            });
    assertThat(counts(RuleHarness.tally(new MemberMfaDisabled(), g.graph())))
        .containsExactly(1, 2, 1);
  }

  @Test
  void ssoIsJudgedFromLinkedIdentitiesWhereVisible() {
    GitLabGraph g = GitLabGraph.group("acme").set(Attr.SSO_CONFIGURED, true);
    g.member(g.top(), "linked", "developer", false).set(Attr.SSO_IDENTITY_LINKED, true);
    g.member(g.top(), "local", "owner", false).set(Attr.SSO_IDENTITY_LINKED, false);
    // A bot (access token user) has no identity to link and is not counted.
    Entity bot =
        g.graph().entity("gitlab:acme#member/group_1_bot", EntityKind.BOT, "group_1_bot", "gitlab");
    g.graph().relate(bot, RelationKind.MEMBER_OF, g.top(), "gitlab").set(Attr.ROLE, "maintainer");
    assertThat(RuleHarness.findings(new SsoNotEnforced(), g.graph()))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsEntry("members_without_sso_identity", List.of("local")));

    GitLabGraph allLinked = GitLabGraph.group("acme").set(Attr.SSO_CONFIGURED, true);
    allLinked.member(allLinked.top(), "a", "owner", false).set(Attr.SSO_IDENTITY_LINKED, true);
    assertThat(counts(RuleHarness.tally(new SsoNotEnforced(), allLinked.graph())))
        .containsExactly(1, 0, 0);

    GitLabGraph none = GitLabGraph.group("acme").set(Attr.SSO_CONFIGURED, false);
    assertThat(RuleHarness.findings(new SsoNotEnforced(), none.graph())).hasSize(1);

    GitLabGraph hidden = GitLabGraph.group("acme");
    hidden.member(hidden.top(), "a", "owner", false);
    assertThat(counts(RuleHarness.tally(new SsoNotEnforced(), hidden.graph())))
        .containsExactly(0, 0, 1);
  }

  @Test
  void ownersAreCountedAtTheTopAndWhereASubgroupAddsItsOwn() {
    GitLabGraph g = GitLabGraph.group("acme");
    Entity quiet = g.subgroup(g.top(), "quiet");
    Entity busy = g.subgroup(g.top(), "busy");
    for (String u : List.of("a", "b", "c")) {
      g.member(g.top(), u, "owner", false);
      g.member(quiet, u, "owner", true);
      g.member(busy, u, "owner", true);
    }
    g.member(busy, "d", "owner", false);
    g.member(g.top(), "e", "developer", false);
    RuleSettings three = new RuleSettings(90, 3, 365, List.of());
    List<Finding> findings =
        RuleHarness.run(new ExcessiveOwners(), g.graph(), List.of(), List.of(), three).findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme/busy");
              assertThat(f.evidence()).containsEntry("owners", List.of("a", "b", "c", "d"));
              assertThat(f.evidence()).containsEntry("direct_owners", List.of("d"));
            });
    RuleTally t =
        RuleHarness.run(new ExcessiveOwners(), g.graph(), List.of(), List.of(), three)
            .tallies()
            .get(0);
    assertThat(counts(t)).containsExactly(1, 1, 0);
  }

  @Test
  void ownersInactiveBeyondTheThresholdAreFlagged() {
    GitLabGraph g = GitLabGraph.group("acme");
    g.member(g.top(), "gone", "owner", false)
        .set(Attr.LAST_ACTIVE_AT, RuleHarness.NOW.minus(java.time.Duration.ofDays(200)));
    g.member(g.top(), "busy", "owner", false)
        .set(Attr.LAST_ACTIVE_AT, RuleHarness.NOW.minus(java.time.Duration.ofDays(3)));
    g.member(g.top(), "quiet-dev", "developer", false)
        .set(Attr.LAST_ACTIVE_AT, RuleHarness.NOW.minus(java.time.Duration.ofDays(400)));
    g.member(g.top(), "unseen", "owner", false);
    List<Finding> findings = RuleHarness.findings(new AdminInactive(), g.graph());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("gitlab:acme#member/gone");
              assertThat(f.evidence()).containsEntry("inactive_days", 200L);
            });
    assertThat(counts(RuleHarness.tally(new AdminInactive(), g.graph()))).containsExactly(1, 1, 1);
  }
}
