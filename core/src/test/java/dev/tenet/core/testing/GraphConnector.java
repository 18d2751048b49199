package dev.tenet.core.testing;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import java.util.Iterator;
import java.util.function.Supplier;

/** A connector that reports a hand-built graph, for scans of graphs no emulator serves yet. */
public final class GraphConnector implements Connector {
  private final ScopeEntry scope;
  private final Supplier<TrustGraph> graph;

  public GraphConnector(String target, Supplier<TrustGraph> graph) {
    this.scope = new ScopeEntry("github", "https://api.github.com", target);
    this.graph = graph;
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) {
    TrustGraph from = graph.get();
    TrustGraph into = context.graph();
    for (Entity e : from.entities()) {
      into.entity(e.id(), e.kind(), e.name(), e.source()).putAll(e.asMap());
    }
    for (Iterator<Relation> it = from.relations().iterator(); it.hasNext(); ) {
      Relation r = it.next();
      into.relate(into.get(r.from().id()), r.kind(), into.get(r.to().id()), r.source())
          .putAll(r.asMap());
    }
  }
}
