package dev.tenet.core.graph;

/**
 * A directed, typed edge of the trust graph: {@code from} relates to {@code to} as {@code kind} (a
 * user can-write a repository, a workflow reads-secret a secret). Identity-based: the graph keeps
 * at most one relation of a kind between two entities.
 */
public final class Relation extends Attributes {
  private final Entity from;
  private final Entity to;
  private final RelationKind kind;
  private final String source;

  Relation(Entity from, Entity to, RelationKind kind, String source) {
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.source = source;
  }

  public Entity from() {
    return from;
  }

  public Entity to() {
    return to;
  }

  public RelationKind kind() {
    return kind;
  }

  public String source() {
    return source;
  }

  @Override
  public Relation set(String key, Object value) {
    super.set(key, value);
    return this;
  }

  @Override
  public String toString() {
    return from.id() + " -" + kind.id() + "-> " + to.id();
  }
}
