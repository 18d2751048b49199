package dev.tenet.core.score;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleTally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns rule outcomes into scores (model in docs/SCORING.md). Each rule that judged something owns
 * a share of its pillar's 100 points in proportion to its severity weight; that share is spread
 * evenly over the subjects it judged. A failing subject loses its part (scaled by the finding's
 * severity, and by the exposure factor when the finding opens a step of an attack path), an unknown
 * one loses {@code unknownFactor} of it, a passing one keeps it. An accepted finding costs nothing
 * and is listed at zero points.
 */
public final class Scorer {
  private final ScoringModel model;

  public Scorer(ScoringModel model) {
    this.model = model;
  }

  /**
   * @param exempt ids of findings that do not lower the score (accepted risks)
   */
  public ScoreCard score(Evaluation evaluation, Set<String> exempt) {
    return score(evaluation, exempt, Map.of());
  }

  /**
   * @param exempt ids of findings that do not lower the score (accepted risks)
   * @param exposure finding id to the number of attack paths it enables; such a finding costs the
   *     model's exposure factor times its points
   */
  public ScoreCard score(Evaluation evaluation, Set<String> exempt, Map<String, Integer> exposure) {
    Map<String, List<Finding>> findingsByRule = new HashMap<>();
    for (Finding f : evaluation.findings()) {
      findingsByRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    }
    Map<Pillar, PillarScore> pillars = new EnumMap<>(Pillar.class);
    double weighted = 0;
    double weights = 0;
    for (Pillar pillar : Pillar.values()) {
      List<RuleTally> tallies =
          evaluation.tallies().stream()
              .filter(t -> t.pillar() == pillar && t.evaluated() > 0)
              .toList();
      PillarScore score =
          scorePillar(
              pillar,
              tallies,
              findingsByRule,
              exempt == null ? Set.of() : exempt,
              exposure == null ? Map.of() : exposure);
      pillars.put(pillar, score);
      if (score.assessed()) {
        double w = model.pillarWeights().getOrDefault(pillar, 1.0);
        weighted += w * score.score();
        weights += w;
      }
    }
    Integer overall = weights == 0 ? null : (int) Math.round(weighted / weights);
    return new ScoreCard(
        overall, overall == null ? null : model.grade(overall), pillars, model.name());
  }

  private PillarScore scorePillar(
      Pillar pillar,
      List<RuleTally> tallies,
      Map<String, List<Finding>> findingsByRule,
      Set<String> exempt,
      Map<String, Integer> exposure) {
    // Every subject a rule judged is one unit of its share; a failing subject whose finding opens
    // an attack path counts as exposureFactor units, and the rule weighs in proportion.
    double x = model.exposureFactor();
    Map<String, Double> units = new HashMap<>();
    double total = 0;
    for (RuleTally t : tallies) {
      long exposed =
          findingsByRule.getOrDefault(t.ruleId(), List.of()).stream()
              .filter(f -> !exempt.contains(f.id()) && exposure.getOrDefault(f.id(), 0) > 0)
              .count();
      double u = t.evaluated() + (x - 1) * exposed;
      units.put(t.ruleId(), u);
      total += model.weight(t.severity()) * u / t.evaluated();
    }
    int checks = tallies.stream().mapToInt(RuleTally::evaluated).sum();
    int failed = tallies.stream().mapToInt(RuleTally::failed).sum();
    int unknown = tallies.stream().mapToInt(RuleTally::unknown).sum();
    if (total <= 0) {
      return new PillarScore(pillar, null, null, checks, failed, unknown, List.of());
    }
    List<Deduction> deductions = new ArrayList<>();
    double lost = 0;
    for (RuleTally t : tallies) {
      double ruleWeight = model.weight(t.severity());
      double ruleUnits = units.get(t.ruleId());
      double budget = 100.0 * ruleWeight * ruleUnits / t.evaluated() / total;
      double perUnit = budget / ruleUnits;
      List<Deduction> ruleDeductions = new ArrayList<>();
      List<Deduction> accepted = new ArrayList<>();
      for (Finding f : findingsByRule.getOrDefault(t.ruleId(), List.of())) {
        double scale = ruleWeight == 0 ? 1 : model.weight(f.severity()) / ruleWeight;
        int paths = exposure.getOrDefault(f.id(), 0);
        String reason =
            f.severity().id()
                + " finding"
                + (paths > 0
                    ? " on "
                        + paths
                        + " attack path"
                        + (paths == 1 ? "" : "s")
                        + " (counts x"
                        + trim(x)
                        + ")"
                    : "");
        if (exempt.contains(f.id())) {
          // Kept visible at no cost, so "why is it not counted?" has an answer too.
          accepted.add(
              new Deduction(t.ruleId(), f.id(), 0, "accepted risk, not counted (" + reason + ")"));
          continue;
        }
        double points = perUnit * scale * (paths > 0 ? x : 1);
        ruleDeductions.add(new Deduction(t.ruleId(), f.id(), points, reason));
      }
      if (t.unknown() > 0) {
        ruleDeductions.add(
            new Deduction(
                t.ruleId(),
                null,
                perUnit * model.unknownFactor() * t.unknown(),
                t.unknown() + " subject(s) could not be judged"));
      }
      double ruleLost = ruleDeductions.stream().mapToDouble(Deduction::points).sum();
      // Raised severities cannot cost a rule more than its whole share of the pillar.
      double cap = ruleLost > budget ? budget / ruleLost : 1;
      for (Deduction d : ruleDeductions) {
        deductions.add(new Deduction(d.ruleId(), d.findingId(), d.points() * cap, d.reason()));
      }
      deductions.addAll(accepted);
      lost += Math.min(ruleLost, budget);
    }
    int score = (int) Math.max(0, Math.min(100, Math.round(100 - lost)));
    return new PillarScore(pillar, score, model.grade(score), checks, failed, unknown, deductions);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
