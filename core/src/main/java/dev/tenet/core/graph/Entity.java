package dev.tenet.core.graph;

/**
 * A node of the trust graph: an identity (user, app, token, workflow acting as a principal) or a
 * resource (organization, repository, secret, cloud role). Its id is a resource id in the spec's
 * grammar and is unique in the graph.
 */
public final class Entity extends Attributes {
  private final String id;
  private final EntityKind kind;
  private final String name;
  private final String source;

  /**
   * @param source the connector that reported it, e.g. "github"
   */
  public Entity(String id, EntityKind kind, String name, String source) {
    this.id = id;
    this.kind = kind;
    this.name = name;
    this.source = source;
  }

  public String id() {
    return id;
  }

  public EntityKind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  @Override
  public Entity set(String key, Object value) {
    super.set(key, value);
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entity other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return kind.id() + " " + id;
  }
}
