package dev.tenet.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.PipelineGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exposure weighting and accepted risks in the scoring model (docs/SCORING.md). */
class ExposureScoringTest {
  private final Scorer scorer = new Scorer(ScoringModel.standard());

  /** One high rule judging ten members, one failing; one medium rule judging ten, all passing. */
  private static Evaluation evaluation(Finding failing) {
    return new Evaluation(
        List.of(failing),
        List.of(
            new RuleTally("R-1", "member-mfa-disabled", Pillar.IDENTITY, Severity.HIGH, 9, 1, 0),
            new RuleTally("R-2", "sso-not-enforced", Pillar.IDENTITY, Severity.MEDIUM, 10, 0, 0)));
  }

  private static Finding finding() {
    Finding f =
        PipelineGraph.finding("R-1", "member-mfa-disabled", "github:a#member/omar", Severity.HIGH);
    return new Finding(
        f.id(),
        "R-1",
        f.weakness(),
        f.severity(),
        f.title(),
        f.message(),
        f.resource(),
        null,
        f.evidence(),
        f.remediation());
  }

  @Test
  void aFindingOnAnAttackPathCountsAsSeveralSubjects() {
    Finding f = finding();
    PillarScore off = scorer.score(evaluation(f), Set.of(), Map.of()).pillar(Pillar.IDENTITY);
    PillarScore on =
        scorer.score(evaluation(f), Set.of(), Map.of(f.id(), 3)).pillar(Pillar.IDENTITY);
    // Off every path: R-1 owns 100 * 6/9 points over 10 members, 6.67 each.
    assertThat(off.deductions().get(0).points()).isCloseTo(6.667, within(0.01));
    assertThat(off.score()).isEqualTo(93);
    // On a path the failing member counts twice: R-1 has 11 units and weighs 6 * 11/10, so it
    // owns 100 * 6.6/9.6 = 68.75 points, 6.25 a unit, and the finding costs two units.
    assertThat(on.deductions().get(0).points()).isCloseTo(12.5, within(0.01));
    assertThat(on.deductions().get(0).reason())
        .isEqualTo("high finding on 3 attack paths (counts x2)");
    assertThat(on.score()).isEqualTo(88);
  }

  @Test
  void evenARuleWithOneSubjectCostsMoreWhenItsFindingIsExposed() {
    Finding f = finding();
    Evaluation onlyOne =
        new Evaluation(
            List.of(f),
            List.of(
                new RuleTally(
                    "R-1", "member-mfa-disabled", Pillar.IDENTITY, Severity.HIGH, 0, 1, 0),
                new RuleTally(
                    "R-2", "sso-not-enforced", Pillar.IDENTITY, Severity.MEDIUM, 1, 0, 0)));
    PillarScore off = scorer.score(onlyOne, Set.of(), Map.of()).pillar(Pillar.IDENTITY);
    PillarScore on = scorer.score(onlyOne, Set.of(), Map.of(f.id(), 1)).pillar(Pillar.IDENTITY);
    assertThat(off.score()).isEqualTo(33); // R-1 owns 6/9 of the pillar and loses it
    assertThat(on.score()).isEqualTo(20); // exposed, R-1 weighs 12 against 3: 80 points lost
    double lost = on.deductions().stream().mapToDouble(Deduction::points).sum();
    assertThat(100 - lost).isCloseTo(on.score(), within(0.5));
  }

  @Test
  void anAcceptedFindingCostsNothingAndIsListedAtZero() {
    Finding f = finding();
    PillarScore accepted =
        scorer.score(evaluation(f), Set.of(f.id()), Map.of(f.id(), 1)).pillar(Pillar.IDENTITY);
    assertThat(accepted.score()).isEqualTo(100);
    assertThat(accepted.deductions()).hasSize(1);
    Deduction d = accepted.deductions().get(0);
    assertThat(d.findingId()).isEqualTo(f.id());
    assertThat(d.points()).isZero();
    assertThat(d.reason())
        .isEqualTo("accepted risk, not counted (high finding on 1 attack path (counts x2))");
  }
}
