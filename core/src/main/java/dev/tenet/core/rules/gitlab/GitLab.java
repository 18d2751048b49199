package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.rules.Subjects;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Names and graph walks shared by the GitLab rules. */
final class GitLab {
  private GitLab() {}

  static final String PLATFORM = "gitlab";

  static final String DOCS = "https://docs.gitlab.com/";

  /** Every GitLab group and subgroup. */
  static List<Entity> groups(TrustGraph graph) {
    return Subjects.of(graph, EntityKind.ORGANIZATION, PLATFORM);
  }

  /** The groups a scan started from: those no other scanned group contains. */
  static List<Entity> topGroups(TrustGraph graph) {
    return groups(graph).stream().filter(g -> graph.container(g).isEmpty()).toList();
  }

  static boolean isTopGroup(TrustGraph graph, Entity group) {
    return graph.container(group).isEmpty();
  }

  /** Projects that are still in use. */
  static List<Entity> projects(TrustGraph graph) {
    return Subjects.activeRepositories(graph, PLATFORM);
  }

  static List<Entity> entities(TrustGraph graph, EntityKind kind) {
    return Subjects.of(graph, kind, PLATFORM);
  }

  /** The protected default branch of a project, when it is known to be protected. */
  static Optional<Entity> protectedDefaultBranch(TrustGraph graph, Entity project) {
    return Subjects.defaultBranch(graph, project).filter(b -> b.isTrue("protected"));
  }

  /** The kind part of a resource id: "token", "deploy-token", "deploy-key"... */
  static String partKind(Entity e) {
    String kind = ResourceId.parse(e.id()).kind();
    return kind == null ? "" : kind;
  }

  /** The project or group that holds a credential, variable or hook. */
  static String holderName(TrustGraph graph, Entity e) {
    return graph.container(e).map(Entity::name).orElse(ResourceId.parse(e.id()).scope());
  }

  /** The projects a group holds, in its subgroups too. */
  static Set<Entity> projectsUnder(TrustGraph graph, Entity group) {
    Set<Entity> projects = new LinkedHashSet<>();
    Deque<Entity> todo = new ArrayDeque<>(List.of(group));
    Set<Entity> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      Entity next = todo.pop();
      if (!seen.add(next)) {
        continue;
      }
      for (Entity child : graph.targets(next, RelationKind.CONTAINS)) {
        if (child.kind() == EntityKind.REPOSITORY && !child.isTrue("archived")) {
          projects.add(child);
        } else if (child.kind() == EntityKind.ORGANIZATION) {
          todo.push(child);
        }
      }
    }
    return projects;
  }
}
