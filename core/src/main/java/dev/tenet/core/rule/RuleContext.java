package dev.tenet.core.rule;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.pipeline.Pipelines;
import java.time.Instant;
import java.util.List;

/**
 * Everything a rule may read: the trust graph, the files collected for offline analysis (and the
 * pipelines parsed from them, once per scan), what could not be seen, the scan time and the
 * thresholds.
 */
public record RuleContext(
    TrustGraph graph,
    List<SourceFile> sources,
    List<BlindSpot> blindSpots,
    Instant now,
    RuleSettings settings,
    Pipelines pipelines) {

  public RuleContext {
    sources = List.copyOf(sources);
    blindSpots = List.copyOf(blindSpots);
  }

  /** A context that parses the pipelines among {@code sources} itself. */
  public RuleContext(
      TrustGraph graph,
      List<SourceFile> sources,
      List<BlindSpot> blindSpots,
      Instant now,
      RuleSettings settings) {
    this(graph, sources, blindSpots, now, settings, Pipelines.parse(sources));
  }

  public static RuleContext of(TrustGraph graph, Instant now) {
    return new RuleContext(graph, List.of(), List.of(), now, RuleSettings.defaults());
  }
}
