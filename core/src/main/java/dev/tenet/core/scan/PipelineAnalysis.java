package dev.tenet.core.scan;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.pipeline.PipelineFacts;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rule.RuleSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses pipeline files offline, without a platform connection: parse once, add the pipelines'
 * facts to a fresh trust graph, evaluate the rules. Behind {@code tenet lint-pipeline}, the
 * accuracy evaluation and the benchmark.
 */
public final class PipelineAnalysis {
  private PipelineAnalysis() {}

  /**
   * @param blindSpots what could not be read (invalid files, includes outside the files given)
   */
  public record Result(
      Pipelines pipelines, TrustGraph graph, List<BlindSpot> blindSpots, Evaluation evaluation) {}

  public static Result run(
      List<SourceFile> sources, RuleCatalog catalog, RuleSettings settings, Instant now) {
    Pipelines pipelines = Pipelines.parse(sources);
    TrustGraph graph = new TrustGraph();
    PipelineFacts.addTo(graph, pipelines);
    List<BlindSpot> blindSpots = new ArrayList<>(pipelines.blindSpots());
    RuleContext context = new RuleContext(graph, sources, blindSpots, now, settings, pipelines);
    Evaluation evaluation = new RuleEngine(catalog).evaluate(context);
    return new Result(pipelines, graph, blindSpots, evaluation);
  }
}
