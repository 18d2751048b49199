package dev.tenet.core.rule;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import java.time.Instant;
import java.util.List;

/**
 * Everything a rule may read: the trust graph, the files collected for offline analysis, what could
 * not be seen, the scan time and the thresholds.
 */
public record RuleContext(
    TrustGraph graph,
    List<SourceFile> sources,
    List<BlindSpot> blindSpots,
    Instant now,
    RuleSettings settings) {

  public RuleContext {
    sources = List.copyOf(sources);
    blindSpots = List.copyOf(blindSpots);
  }

  public static RuleContext of(TrustGraph graph, Instant now) {
    return new RuleContext(graph, List.of(), List.of(), now, RuleSettings.defaults());
  }
}
