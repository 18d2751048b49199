package dev.tenet.core.testing;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;

/** Builds small GitLab-shaped trust graphs by hand, following the GitLab connector's model. */
public final class GitLabGraph {
  private static final String GL = "gitlab";
  private final TrustGraph graph = new TrustGraph();
  private final Entity top;

  private GitLabGraph(String path) {
    top = graph.entity(ResourceId.of(GL, path), EntityKind.ORGANIZATION, path, GL);
  }

  public static GitLabGraph group(String path) {
    return new GitLabGraph(path);
  }

  public TrustGraph graph() {
    return graph;
  }

  public Entity top() {
    return top;
  }

  public GitLabGraph set(String key, Object value) {
    top.set(key, value);
    return this;
  }

  public Entity subgroup(Entity parent, String name) {
    String path = parent.name() + "/" + name;
    Entity g = graph.entity(ResourceId.of(GL, path), EntityKind.ORGANIZATION, path, GL);
    graph.relate(parent, RelationKind.CONTAINS, g, GL);
    return g;
  }

  /** A human member of a group (role: owner, maintainer, developer...). */
  public Entity member(Entity group, String username, String role, boolean inherited) {
    Entity user =
        graph.entity(ResourceId.part(top.id(), "member", username), EntityKind.USER, username, GL);
    graph
        .relate(user, RelationKind.MEMBER_OF, group, GL)
        .set(Attr.ROLE, role)
        .set(Attr.INHERITED, inherited);
    group.set(Attr.MEMBERS_LISTED, true);
    return user;
  }

  public Entity project(Entity group, String name, String visibility) {
    String path = group.name() + "/" + name;
    Entity p = graph.entity(ResourceId.of(GL, path), EntityKind.REPOSITORY, name, GL);
    p.set(Attr.VISIBILITY, visibility).set(Attr.DEFAULT_BRANCH, "main");
    graph.relate(group, RelationKind.CONTAINS, p, GL);
    return p;
  }

  public Entity defaultBranch(Entity project) {
    Entity b =
        graph.entity(
            ResourceId.part(project.id(), "branch", "main"), EntityKind.BRANCH, "main", GL);
    graph.relate(project, RelationKind.CONTAINS, b, GL);
    return b;
  }

  /** A protected default branch set up well: no direct push, approvals, no force push. */
  public Entity wellProtectedBranch(Entity project) {
    return defaultBranch(project)
        .set(Attr.PROTECTED, true)
        .set(Attr.PUSH_ACCESS, java.util.List.of("no one"))
        .set(Attr.MERGE_ACCESS, java.util.List.of("maintainer"))
        .set(Attr.FORCE_PUSH_ALLOWED, false)
        .set(Attr.REQUIRED_APPROVALS, 1)
        .set(Attr.SIGNED_COMMITS_REQUIRED, true);
  }

  /** A part of a project or group ({@code #kind/name}) held by it. */
  public Entity part(Entity holder, EntityKind kind, String idKind, String name) {
    Entity e = graph.entity(ResourceId.part(holder.id(), idKind, name), kind, name, GL);
    graph.relate(holder, RelationKind.CONTAINS, e, GL);
    return e;
  }

  public Entity variable(
      Entity holder, String key, boolean isProtected, boolean masked, String shape) {
    return part(holder, EntityKind.VARIABLE, "variable", key)
        .set(Attr.PROTECTED, isProtected)
        .set(Attr.MASKED, masked)
        .set(Attr.VALUE_SHAPE, shape)
        .set(Attr.VARIABLE_TYPE, "env_var")
        .set(Attr.ENVIRONMENT_SCOPE, "*");
  }

  public Entity runner(String id, String scope) {
    return graph
        .entity(ResourceId.part(top.id(), "runner", id), EntityKind.RUNNER, "runner-" + id, GL)
        .set(Attr.RUNNER_SCOPE, scope)
        .set(Attr.ACTIVE, true);
  }
}
