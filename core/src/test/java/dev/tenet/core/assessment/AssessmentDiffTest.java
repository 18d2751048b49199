package dev.tenet.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.Tenet;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.testing.GitHubGraph;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentDiffTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private static Assessment assess(TrustGraph graph, List<BlindSpot> blind, String id) {
    Evaluation e =
        new RuleEngine(StandardRules.catalog())
            .evaluate(new RuleContext(graph, List.of(), blind, T, RuleSettings.defaults()));
    return new Assessment(
        id,
        T,
        T,
        Tenet.tool(),
        List.of(new ScopeEntry("github", "u", "a")),
        e.findings(),
        e.tallies(),
        new Scorer(ScoringModel.standard()).score(e, Set.of()),
        List.of(),
        new Coverage(graph.entityCount(), graph.relationCount(), blind.size()),
        ScanStats.NONE);
  }

  private static GitHubGraph org(boolean protectWeb, boolean mfa) {
    GitHubGraph g =
        GitHubGraph.org("a").set(Attr.MFA_REQUIRED, mfa).set(Attr.BASE_PERMISSION, "read");
    g.defaultBranch(g.repository("api", "private")).set(Attr.PROTECTED, false);
    if (protectWeb) {
      g.protectedBranch(g.repository("web", "private"));
    } else {
      g.defaultBranch(g.repository("web", "private")).set(Attr.PROTECTED, false);
    }
    return g;
  }

  @Test
  void twoScansOfTheSameStateAreUnchanged() {
    AssessmentDiff diff =
        AssessmentDiff.between(
            assess(org(false, false).graph(), List.of(), "1"),
            assess(org(false, false).graph(), List.of(), "2"));
    assertThat(diff.unchanged()).isTrue();
    assertThat(diff.overallDelta()).isZero();
  }

  @Test
  void reportsNewAndResolvedFindingsAndScoreMovement() {
    Assessment before = assess(org(false, false).graph(), List.of(), "1");
    Assessment after = assess(org(true, true).graph(), List.of(), "2");
    AssessmentDiff diff = AssessmentDiff.between(before, after);
    assertThat(diff.resolved())
        .extracting(Finding::resource)
        .containsExactlyInAnyOrder("github:a/web#branch/main", "github:a");
    assertThat(diff.added()).isEmpty();
    assertThat(diff.overallDelta()).isPositive();
    assertThat(diff.pillarDeltas().get(Pillar.INTEGRITY)).isPositive();
    assertThat(AssessmentDiff.between(after, before).added()).hasSize(2);
  }

  @Test
  void aFindingHiddenByANewBlindSpotIsUnverifiedNotResolved() {
    Assessment before = assess(org(false, false).graph(), List.of(), "1");
    GitHubGraph g =
        GitHubGraph.org("a").set(Attr.MFA_REQUIRED, false).set(Attr.BASE_PERMISSION, "read");
    g.defaultBranch(g.repository("api", "private")).set(Attr.PROTECTED, false);
    g.defaultBranch(g.repository("web", "private")); // protection now unreadable
    Assessment after =
        assess(
            g.graph(),
            List.of(
                new BlindSpot(
                    "github:a/web", "the branch protection of main", "403 Forbidden", "")),
            "2");
    AssessmentDiff diff = AssessmentDiff.between(before, after);
    assertThat(diff.resolved()).isEmpty();
    assertThat(diff.unverified())
        .extracting(Finding::resource)
        .containsExactly("github:a/web#branch/main");
  }
}
