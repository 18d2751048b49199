package dev.tenet.core.testing;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rule.RuleTally;
import java.time.Instant;
import java.util.List;

/** Runs one rule through the real engine, for rule tests in every module. */
public final class RuleHarness {
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private RuleHarness() {}

  public static Evaluation run(Rule rule, TrustGraph graph) {
    return run(rule, graph, List.of(), List.of(), RuleSettings.defaults());
  }

  public static Evaluation run(
      Rule rule,
      TrustGraph graph,
      List<SourceFile> sources,
      List<BlindSpot> blindSpots,
      RuleSettings settings) {
    RuleCatalog catalog = new RuleCatalog(WeaknessCatalog.standard(), List.of(rule));
    return new RuleEngine(catalog)
        .evaluate(new RuleContext(graph, sources, blindSpots, NOW, settings));
  }

  public static List<Finding> findings(Rule rule, TrustGraph graph) {
    return run(rule, graph).findings();
  }

  public static RuleTally tally(Rule rule, TrustGraph graph) {
    return run(rule, graph).tallies().get(0);
  }
}
