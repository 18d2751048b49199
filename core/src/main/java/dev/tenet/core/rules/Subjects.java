package dev.tenet.core.rules;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import java.util.List;
import java.util.Optional;

/** The usual subjects rules judge, picked from the graph. */
public final class Subjects {
  private Subjects() {}

  public static List<Entity> of(TrustGraph graph, EntityKind kind, String platform) {
    return graph.entities(kind).stream()
        .filter(e -> ResourceId.platformOf(e.id()).equals(platform))
        .toList();
  }

  /** Repositories or projects that are still in use (archived ones cannot change). */
  public static List<Entity> activeRepositories(TrustGraph graph, String platform) {
    return of(graph, EntityKind.REPOSITORY, platform).stream()
        .filter(r -> !r.isTrue(Attr.ARCHIVED))
        .toList();
  }

  /** The default branch of a repository, when the connector recorded it. */
  public static Optional<Entity> defaultBranch(TrustGraph graph, Entity repository) {
    Optional<String> name = repository.text(Attr.DEFAULT_BRANCH);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return graph.targets(repository, RelationKind.CONTAINS).stream()
        .filter(e -> e.kind() == EntityKind.BRANCH && e.name().equals(name.get()))
        .findFirst();
  }
}
