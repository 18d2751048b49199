package dev.tenet.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private final Scorer scorer = new Scorer(ScoringModel.standard());
  private final RuleCatalog rules = StandardRules.catalog();

  private Evaluation evaluate(GitHubGraph g) {
    return new RuleEngine(rules).evaluate(RuleContext.of(g.graph(), RuleHarness.NOW));
  }

  private static GitHubGraph org(int unprotected, int protectedRepos) {
    GitHubGraph g =
        GitHubGraph.org("a")
            .set(Attr.MFA_REQUIRED, true)
            .set(Attr.SSO_CONFIGURED, true)
            .set(Attr.BASE_PERMISSION, "read")
            .set(Attr.ALLOWED_ACTIONS, "local_only")
            .set(Attr.CI_TOKEN_PERMISSIONS, "read")
            .set(Attr.CI_TOKEN_CAN_APPROVE, false)
            .set(Attr.FORK_APPROVAL_POLICY, "all_external_contributors")
            .set(Attr.PRIVATE_FORK_PIPELINES, false);
    g.member("owner", "owner", true).set(Attr.LAST_ACTIVE_AT, RuleHarness.NOW);
    for (int i = 0; i < unprotected; i++) {
      g.defaultBranch(secured(g.repository("open" + i, "private"))).set(Attr.PROTECTED, false);
    }
    for (int i = 0; i < protectedRepos; i++) {
      g.protectedBranch(secured(g.repository("safe" + i, "private")));
    }
    return g;
  }

  private static dev.tenet.core.graph.Entity secured(dev.tenet.core.graph.Entity repo) {
    return repo.set(Attr.SECRET_SCANNING, true)
        .set(Attr.PUSH_PROTECTION, true)
        .set(Attr.VULNERABILITY_ALERTS, true)
        .set(Attr.CODE_SCANNING, true);
  }

  @Test
  void everyPointLostTracesToADeduction() {
    ScoreCard card = scorer.score(evaluate(org(3, 5)), Set.of());
    for (PillarScore p : card.pillars().values()) {
      if (p.assessed()) {
        double lost = p.deductions().stream().mapToDouble(Deduction::points).sum();
        assertThat(100 - lost).as(p.pillar().id()).isCloseTo(p.score(), within(0.5));
      }
    }
    PillarScore integrity = card.pillar(Pillar.INTEGRITY);
    assertThat(integrity.score()).isLessThan(100);
    assertThat(integrity.deductions()).hasSize(3).allMatch(d -> d.findingId() != null);
  }

  @Test
  void aCleanOrganizationScoresFullAndUnjudgedPillarsAreNotAssessed() {
    ScoreCard card = scorer.score(evaluate(org(0, 4)), Set.of());
    assertThat(card.pillar(Pillar.INTEGRITY).score()).isEqualTo(100);
    assertThat(card.pillar(Pillar.IDENTITY).score()).isEqualTo(100);
    assertThat(card.pillar(Pillar.SECRETS).assessed()).isFalse();
    assertThat(card.pillar(Pillar.SECRETS).score()).isNull();
    assertThat(card.overall()).isEqualTo(100);
    assertThat(card.grade()).isEqualTo("A");
  }

  @Test
  void unknownIsNeverAPass() {
    GitHubGraph visible = org(0, 2);
    GitHubGraph hidden = org(0, 2);
    hidden.defaultBranch(hidden.repository("unreadable", "private")); // protection unknown
    int full = scorer.score(evaluate(visible), Set.of()).pillar(Pillar.INTEGRITY).score();
    PillarScore partial = scorer.score(evaluate(hidden), Set.of()).pillar(Pillar.INTEGRITY);
    assertThat(partial.score()).isLessThan(full);
    assertThat(partial.unknown()).isEqualTo(1);
    assertThat(partial.deductions())
        .anyMatch(d -> d.findingId() == null && d.reason().contains("could not be judged"));
  }

  @Test
  void moreFailuresScoreLowerAndExemptFindingsStopCounting() {
    int few = scorer.score(evaluate(org(1, 9)), Set.of()).pillar(Pillar.INTEGRITY).score();
    Evaluation many = evaluate(org(6, 4));
    int lots = scorer.score(many, Set.of()).pillar(Pillar.INTEGRITY).score();
    assertThat(lots).isLessThan(few);

    Set<String> accepted =
        Set.of(
            many.findings().stream()
                .filter(f -> f.weakness().id().equals("branch-unprotected"))
                .findFirst()
                .orElseThrow()
                .id());
    assertThat(scorer.score(many, accepted).pillar(Pillar.INTEGRITY).score()).isGreaterThan(lots);
  }

  @Test
  void gradesFollowTheModel() {
    ScoringModel model = ScoringModel.standard();
    assertThat(model.grade(95)).isEqualTo("A");
    assertThat(model.grade(80)).isEqualTo("B");
    assertThat(model.grade(61)).isEqualTo("D");
    assertThat(model.grade(12)).isEqualTo("F");
    assertThat(model.name()).isEqualTo("tenet-score/2");
    assertThat(model.exposureFactor()).isEqualTo(2.0);
  }
}
