package dev.tenet.app.service;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored trust graph of an assessment as the console draws it: the entities around a set of
 * resources (an attack path and its surroundings). What an entity reaches is the attack-path
 * engine's business ({@link PathService#blastRadius}).
 */
public final class GraphService {
  /** One entity; {@code known} is false for one the graph does not hold (named by a path only). */
  public record Node(String id, String kind, String name, boolean known) {}

  public record Edge(String from, String relation, String to) {}

  /**
   * Entities and relations around some resources.
   *
   * @param graphStored false when the assessment was stored without its graph
   */
  public record Neighbourhood(List<Node> nodes, List<Edge> edges, boolean graphStored) {}

  private final Workspace workspace;
  private String cachedId;
  private TrustGraph cached;

  public GraphService(Workspace workspace) {
    this.workspace = workspace;
  }

  private synchronized Optional<TrustGraph> graph(String assessmentId) {
    if (!assessmentId.equals(cachedId)) {
      cached = workspace.graph(assessmentId).orElse(null);
      cachedId = assessmentId;
    }
    return Optional.ofNullable(cached);
  }

  /**
   * The given resources, and up to {@code perNode} neighbours of each (most connected first), with
   * the relations between all of them.
   */
  public Neighbourhood around(String assessmentId, Collection<String> ids, int perNode) {
    Optional<TrustGraph> stored = graph(assessmentId);
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (String id : ids) {
      nodes.put(id, stored.flatMap(g -> g.find(id)).map(GraphService::node).orElse(guess(id)));
    }
    if (stored.isEmpty()) {
      return new Neighbourhood(List.copyOf(nodes.values()), List.of(), false);
    }
    TrustGraph g = stored.get();
    for (String id : ids) {
      Optional<Entity> e = g.find(id);
      if (e.isEmpty()) {
        continue;
      }
      List<Entity> neighbours = new ArrayList<>();
      g.outgoing(e.get()).forEach(r -> neighbours.add(r.to()));
      g.incoming(e.get()).forEach(r -> neighbours.add(r.from()));
      neighbours.sort(
          (a, b) ->
              Integer.compare(
                  g.outgoing(b).size() + g.incoming(b).size(),
                  g.outgoing(a).size() + g.incoming(a).size()));
      int added = 0;
      for (Entity n : neighbours) {
        if (added >= perNode) {
          break;
        }
        if (!nodes.containsKey(n.id())) {
          nodes.put(n.id(), node(n));
          added++;
        }
      }
    }
    List<Edge> edges = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String id : nodes.keySet()) {
      Optional<Entity> e = g.find(id);
      if (e.isEmpty()) {
        continue;
      }
      for (Relation r : g.outgoing(e.get())) {
        if (nodes.containsKey(r.to().id())
            && seen.add(r.from().id() + "|" + r.kind() + "|" + r.to().id())) {
          edges.add(new Edge(r.from().id(), r.kind().id(), r.to().id()));
        }
      }
    }
    return new Neighbourhood(List.copyOf(nodes.values()), edges, true);
  }

  private static Node node(Entity e) {
    return new Node(e.id(), e.kind().id(), e.name(), true);
  }

  /** A node for an id the graph does not hold: its kind and name read from the id. */
  static Node guess(String id) {
    String kind = "unknown";
    String name = id;
    try {
      ResourceId r = ResourceId.parse(id);
      if (r.kind() != null) {
        kind = r.kind();
        name = r.name();
      } else {
        kind = r.scope().contains("/") ? EntityKind.REPOSITORY.id() : EntityKind.ORGANIZATION.id();
        name = r.scope();
      }
    } catch (IllegalArgumentException e) {
      // Not a resource id: shown as written.
    }
    return new Node(id, kind, name, false);
  }
}
