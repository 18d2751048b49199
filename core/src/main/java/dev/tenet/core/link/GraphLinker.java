package dev.tenet.core.link;

import dev.tenet.core.graph.TrustGraph;

/** Adds the relations between systems that one linking concern can derive from the graph. */
public interface GraphLinker {
  /** The source recorded on relations Tenet derived rather than read. */
  String SOURCE = "tenet";

  void link(TrustGraph graph);
}
