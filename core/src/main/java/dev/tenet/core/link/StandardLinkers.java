package dev.tenet.core.link;

import dev.tenet.core.graph.TrustGraph;
import java.util.List;

/** The linkers a scan runs, in order, after every connector has reported. */
public final class StandardLinkers {
  private StandardLinkers() {}

  public static List<GraphLinker> all() {
    return List.of(new WorkloadIdentityLinker(), new OidcTrustLinker());
  }

  public static void linkAll(TrustGraph graph) {
    for (GraphLinker linker : all()) {
      linker.link(graph);
    }
  }
}
