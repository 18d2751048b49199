package dev.tenet.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.graph.FastLookupGraphSpecificsStrategy;

/**
 * The local graph of trust relationships an assessment is judged on, over JGraphT. Connectors add
 * to it while they collect (adding is thread-safe); rules and path finding only read it.
 */
public final class TrustGraph {
  private final Backing graph = new Backing();
  private final Map<String, Entity> byId = new HashMap<>();
  private final Map<EntityKind, Set<Entity>> byKind = new EnumMap<>(EntityKind.class);

  /** A directed pseudograph (parallel relations of different kinds) with fast edge lookup. */
  private static final class Backing extends AbstractBaseGraph<Entity, Relation> {
    Backing() {
      super(
          null,
          null,
          DefaultGraphType.directedPseudograph(),
          new FastLookupGraphSpecificsStrategy<>());
    }
  }

  /**
   * Adds an entity, or returns the one already known under this id (its name and kind win; the
   * caller may add attributes to it).
   */
  public synchronized Entity entity(String id, EntityKind kind, String name, String source) {
    Entity existing = byId.get(id);
    if (existing != null) {
      if (existing.kind() != kind) {
        throw new IllegalArgumentException(
            "Entity " + id + " is a " + existing.kind().id() + ", not a " + kind.id());
      }
      return existing;
    }
    Entity entity = new Entity(id, kind, name, source);
    byId.put(id, entity);
    byKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(entity);
    graph.addVertex(entity);
    return entity;
  }

  /** Adds an entity built elsewhere (a snapshot being read back); it must be new. */
  public synchronized Entity add(Entity entity) {
    if (byId.putIfAbsent(entity.id(), entity) != null) {
      throw new IllegalArgumentException("Entity " + entity.id() + " is already in the graph");
    }
    byKind.computeIfAbsent(entity.kind(), k -> new LinkedHashSet<>()).add(entity);
    graph.addVertex(entity);
    return entity;
  }

  /**
   * Relates two entities already in the graph; returns the existing relation of that kind if any.
   */
  public synchronized Relation relate(Entity from, RelationKind kind, Entity to, String source) {
    for (Relation r : graph.getAllEdges(from, to)) {
      if (r.kind() == kind) {
        return r;
      }
    }
    Relation relation = new Relation(from, to, kind, source);
    graph.addEdge(from, to, relation);
    return relation;
  }

  public synchronized Optional<Entity> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public synchronized Entity get(String id) {
    Entity e = byId.get(id);
    if (e == null) {
      throw new IllegalArgumentException("No entity " + id + " in the graph");
    }
    return e;
  }

  /** Entities of one kind, in the order they were added. */
  public synchronized List<Entity> entities(EntityKind kind) {
    Set<Entity> set = byKind.get(kind);
    return set == null ? List.of() : List.copyOf(set);
  }

  public synchronized Collection<Entity> entities() {
    return Collections.unmodifiableCollection(graph.vertexSet());
  }

  public synchronized Stream<Relation> relations() {
    return new ArrayList<>(graph.edgeSet()).stream();
  }

  public synchronized List<Relation> outgoing(Entity from, RelationKind kind) {
    return graph.outgoingEdgesOf(from).stream().filter(r -> r.kind() == kind).toList();
  }

  public synchronized List<Relation> incoming(Entity to, RelationKind kind) {
    return graph.incomingEdgesOf(to).stream().filter(r -> r.kind() == kind).toList();
  }

  public synchronized Set<Relation> outgoing(Entity from) {
    return Collections.unmodifiableSet(graph.outgoingEdgesOf(from));
  }

  public synchronized Set<Relation> incoming(Entity to) {
    return Collections.unmodifiableSet(graph.incomingEdgesOf(to));
  }

  /** The entities {@code from} relates to as {@code kind}. */
  public List<Entity> targets(Entity from, RelationKind kind) {
    return outgoing(from, kind).stream().map(Relation::to).toList();
  }

  /** The entities relating to {@code to} as {@code kind}. */
  public List<Entity> sources(Entity to, RelationKind kind) {
    return incoming(to, kind).stream().map(Relation::from).toList();
  }

  /** The entity that contains this one (repository of a branch, organization of a repository). */
  public Optional<Entity> container(Entity entity) {
    return sources(entity, RelationKind.CONTAINS).stream().findFirst();
  }

  public synchronized int entityCount() {
    return graph.vertexSet().size();
  }

  public synchronized int relationCount() {
    return graph.edgeSet().size();
  }

  /** A read-only JGraphT view for algorithms (shortest paths, reachability). */
  public Graph<Entity, Relation> view() {
    return new AsUnmodifiableGraph<>(graph);
  }
}
