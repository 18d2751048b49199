package dev.tenet.app.service;

import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.TrustGraph;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the previous stored assessment saw under each image tag, read from its graph, so that a
 * registry scan can tell a release tag that moved. Connectors keep no state of their own.
 */
final class RegistryHistory {
  private RegistryHistory() {}

  static TagHistory from(Workspace workspace) {
    Optional<Assessment> latest;
    try {
      latest = workspace.latest();
    } catch (RuntimeException e) {
      return TagHistory.NONE; // An unreadable store gives no history; the scan still runs.
    }
    if (latest.isEmpty()) {
      return TagHistory.NONE;
    }
    Optional<TrustGraph> graph = workspace.graph(latest.get().id());
    if (graph.isEmpty()) {
      return TagHistory.NONE;
    }
    Map<String, TagHistory.Seen> seen = new HashMap<>();
    for (Entity image : graph.get().entities(EntityKind.IMAGE)) {
      image
          .text(Attr.DIGEST)
          .filter(d -> image.id().contains("#tag/"))
          .ifPresent(d -> seen.put(image.id(), new TagHistory.Seen(d, latest.get().startedAt())));
    }
    return TagHistory.of(seen);
  }
}
