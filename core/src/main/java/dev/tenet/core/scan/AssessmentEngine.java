package dev.tenet.core.scan;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.paths.AttackPathAnalyzer;
import dev.tenet.core.paths.PathAnalysis;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.ScoreCard;
import dev.tenet.core.score.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Judges collected facts: the rules, then the attack paths (which chain the rules' findings into
 * paths and name them as the reason for each step), then the scores (accepted risks exempt,
 * findings on attack paths weighted by their exposure). Pure: no I/O, the time is given.
 */
public final class AssessmentEngine {
  private final RuleCatalog rules;
  private final RuleSettings settings;
  private final Scorer scorer;
  private final PathPolicy policy;

  public AssessmentEngine(
      RuleCatalog rules, RuleSettings settings, Scorer scorer, PathPolicy policy) {
    this.rules = rules;
    this.settings = settings;
    this.scorer = scorer;
    this.policy = policy;
  }

  /**
   * What the judgement found, and how long each stage took.
   *
   * @param evaluation every finding and tally, the attack path findings included
   */
  public record Judgement(
      Evaluation evaluation,
      PathAnalysis paths,
      ScoreCard score,
      long rulesMillis,
      long pathsMillis,
      long scoreMillis) {}

  /**
   * @param accepted ids of findings accepted as risks at {@code now}: they do not lower the score
   */
  public Judgement judge(
      TrustGraph graph,
      List<SourceFile> sources,
      List<BlindSpot> blindSpots,
      Instant now,
      Set<String> accepted) {
    return judge(graph, sources, Pipelines.parse(sources), blindSpots, now, accepted);
  }

  /**
   * @param pipelines the pipelines among {@code sources}, already parsed (a scan parses them once,
   *     before their facts join the graph)
   * @param accepted ids of findings accepted as risks at {@code now}: they do not lower the score
   */
  public Judgement judge(
      TrustGraph graph,
      List<SourceFile> sources,
      Pipelines pipelines,
      List<BlindSpot> blindSpots,
      Instant now,
      Set<String> accepted) {
    long t0 = System.nanoTime();
    Evaluation ruled =
        new RuleEngine(rules)
            .evaluate(new RuleContext(graph, sources, blindSpots, now, settings, pipelines));
    long t1 = System.nanoTime();
    PathAnalysis paths = AttackPathAnalyzer.analyze(graph, policy, ruled.findings(), now);
    List<Finding> findings = new ArrayList<>(ruled.findings());
    findings.addAll(paths.findings());
    List<RuleTally> tallies = new ArrayList<>(ruled.tallies());
    tallies.add(paths.tally());
    Evaluation evaluation = new Evaluation(findings, tallies);
    long t2 = System.nanoTime();
    ScoreCard score = scorer.score(evaluation, accepted, paths.exposure().findingPaths());
    long t3 = System.nanoTime();
    return new Judgement(
        evaluation,
        paths,
        score,
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
  }
}
