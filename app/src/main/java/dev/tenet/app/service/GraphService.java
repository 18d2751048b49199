package dev.tenet.app.service;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored trust graph of an assessment as the console draws it: the entities around a set of
 * resources (an attack path and its surroundings), and what an entity reaches through the trust
 * relations (a first blast radius, until the attack-path engine's own replaces it).
 */
public final class GraphService {
  /** Relations along which control flows from an identity to what it can act on. */
  static final Set<RelationKind> GRANTS =
      EnumSet.of(
          RelationKind.MEMBER_OF,
          RelationKind.HAS_ROLE,
          RelationKind.CAN_WRITE,
          RelationKind.CAN_ADMIN,
          RelationKind.CAN_APPROVE,
          RelationKind.CAN_BYPASS_PROTECTION,
          RelationKind.CAN_TRIGGER,
          RelationKind.RUNS_ON,
          RelationKind.READS_SECRET,
          RelationKind.DEPLOYS_TO,
          RelationKind.CAN_MINT_OIDC,
          RelationKind.ASSUMES_ROLE,
          RelationKind.PUBLISHES,
          RelationKind.INSTALLED_ON);

  /** One entity; {@code known} is false for one the graph does not hold (named by a path only). */
  public record Node(String id, String kind, String name, boolean known) {}

  public record Edge(String from, String relation, String to) {}

  /**
   * Entities and relations around some resources.
   *
   * @param graphStored false when the assessment was stored without its graph
   */
  public record Neighbourhood(List<Node> nodes, List<Edge> edges, boolean graphStored) {}

  /**
   * One entity reached.
   *
   * @param via the relations walked to reach it, e.g. "member-of → can-write"
   */
  public record Reached(String id, String kind, String name, int steps, String via) {}

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

  /**
   * What an entity reaches in the stored graph: along the relations that grant control, and into
   * what a repository contains once it can be written. Closest first.
   */
  public List<Reached> reach(String assessmentId, String entityId) {
    TrustGraph g =
        graph(assessmentId)
            .orElseThrow(
                () ->
                    new UserError(
                        "Assessment "
                            + assessmentId
                            + " was stored without its trust graph;"
                            + " scan again to see what this reaches."));
    Entity start =
        g.find(entityId)
            .orElseThrow(
                () ->
                    new UserError(
                        entityId
                            + " is not in the trust graph of assessment "
                            + assessmentId
                            + "."));
    Map<Entity, String> via = new HashMap<>();
    Map<Entity, Integer> depth = new HashMap<>();
    Deque<Entity> queue = new ArrayDeque<>();
    depth.put(start, 0);
    via.put(start, "");
    queue.add(start);
    List<Reached> out = new ArrayList<>();
    while (!queue.isEmpty()) {
      Entity e = queue.poll();
      int d = depth.get(e);
      boolean controls = d > 0 && canChange(via.get(e));
      for (Relation r : g.outgoing(e)) {
        boolean follow =
            GRANTS.contains(r.kind()) || (r.kind() == RelationKind.CONTAINS && controls && d > 0);
        if (!follow || depth.containsKey(r.to())) {
          continue;
        }
        String path = via.get(e).isEmpty() ? r.kind().id() : via.get(e) + " → " + r.kind().id();
        depth.put(r.to(), d + 1);
        via.put(r.to(), path);
        queue.add(r.to());
        out.add(new Reached(r.to().id(), r.to().kind().id(), r.to().name(), d + 1, path));
      }
    }
    return out;
  }

  /** Whether the last relation walked lets its holder change what it reached. */
  private static boolean canChange(String via) {
    String last = via.contains(" → ") ? via.substring(via.lastIndexOf(" → ") + 3) : via;
    return last.equals(RelationKind.CAN_WRITE.id())
        || last.equals(RelationKind.CAN_ADMIN.id())
        || last.equals(RelationKind.CAN_BYPASS_PROTECTION.id())
        || last.equals(RelationKind.CONTAINS.id());
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
