package dev.tenet.core.testing;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;

/** Builds small GitHub-shaped trust graphs by hand for rule and scoring tests. */
public final class GitHubGraph {
  private final TrustGraph graph = new TrustGraph();
  private final Entity org;

  private GitHubGraph(String login) {
    org = graph.entity(ResourceId.of("github", login), EntityKind.ORGANIZATION, login, "github");
  }

  public static GitHubGraph org(String login) {
    return new GitHubGraph(login);
  }

  public Entity organization() {
    return org;
  }

  public TrustGraph graph() {
    return graph;
  }

  public GitHubGraph set(String key, Object value) {
    org.set(key, value);
    return this;
  }

  public Entity member(String login, String role, Boolean mfa) {
    Entity user =
        graph.entity(ResourceId.part(org.id(), "member", login), EntityKind.USER, login, "github");
    user.set(Attr.MFA_ENABLED, mfa);
    graph.relate(user, RelationKind.MEMBER_OF, org, "github").set(Attr.ROLE, role);
    org.set(Attr.MEMBERS_LISTED, true);
    return user;
  }

  public Entity repository(String name, String visibility) {
    Entity repo =
        graph.entity(
            ResourceId.of("github", org.name() + "/" + name),
            EntityKind.REPOSITORY,
            name,
            "github");
    repo.set(Attr.VISIBILITY, visibility).set(Attr.DEFAULT_BRANCH, "main");
    graph.relate(org, RelationKind.CONTAINS, repo, "github");
    return repo;
  }

  /** The default branch of a repository; set its protection attributes on the result. */
  public Entity defaultBranch(Entity repo) {
    Entity branch =
        graph.entity(
            ResourceId.part(repo.id(), "branch", "main"), EntityKind.BRANCH, "main", "github");
    graph.relate(repo, RelationKind.CONTAINS, branch, "github");
    return branch;
  }

  /**
   * A default branch protected well: classic protection binding administrators, reviews, checks and
   * signatures, no force push or deletion.
   */
  public Entity protectedBranch(Entity repo) {
    return defaultBranch(repo)
        .set(Attr.PROTECTED, true)
        .set(Attr.PROTECTION_SOURCES, java.util.List.of("branch-protection"))
        .set(Attr.REQUIRED_APPROVALS, 1)
        .set(Attr.ENFORCE_ADMINS, true)
        .set(Attr.BYPASS_ACTORS, java.util.List.of())
        .set(Attr.REQUIRED_CHECKS, java.util.List.of("build"))
        .set(Attr.SIGNED_COMMITS_REQUIRED, true)
        .set(Attr.FORCE_PUSH_ALLOWED, false)
        .set(Attr.DELETION_ALLOWED, false);
  }

  /** A part of the organization ({@code #kind/name}), contained by it. */
  public Entity orgPart(EntityKind kind, String partKind, String name) {
    Entity e = graph.entity(ResourceId.part(org.id(), partKind, name), kind, name, "github");
    graph.relate(org, RelationKind.CONTAINS, e, "github");
    return e;
  }

  /** A part of a repository ({@code #kind/name}), contained by it. */
  public Entity repoPart(Entity repo, EntityKind kind, String partKind, String name) {
    Entity e = graph.entity(ResourceId.part(repo.id(), partKind, name), kind, name, "github");
    graph.relate(repo, RelationKind.CONTAINS, e, "github");
    return e;
  }

  /** An outside collaborator with the given permission on a repository. */
  public Entity outsideCollaborator(String login, Entity repo, String permission) {
    Entity user =
        graph.entity(
            ResourceId.part(org.id(), "collaborator", login), EntityKind.USER, login, "github");
    user.set(Attr.OUTSIDE_COLLABORATOR, true);
    graph.relate(user, access(permission), repo, "github").set(Attr.PERMISSION, permission);
    return user;
  }

  public Entity team(String slug) {
    return orgPart(EntityKind.TEAM, "team", slug).set(Attr.ACCESS_LISTED, true);
  }

  public GitHubGraph grant(Entity principal, Entity repo, String permission) {
    graph.relate(principal, access(permission), repo, "github").set(Attr.PERMISSION, permission);
    return this;
  }

  public static RelationKind access(String permission) {
    return switch (permission) {
      case "admin" -> RelationKind.CAN_ADMIN;
      case "write", "maintain" -> RelationKind.CAN_WRITE;
      default -> RelationKind.CAN_READ;
    };
  }
}
