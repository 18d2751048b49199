package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.TrustGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Names and small judgements shared by the GitHub rules. */
final class GitHub {
  private GitHub() {}

  static final String PLATFORM = "github";

  /**
   * Fine-grained permissions whose write level controls settings, members, secrets, pipelines or
   * deployments: a compromised holder can turn them into control of the organization.
   */
  static final Set<String> SENSITIVE_PERMISSIONS =
      Set.of(
          "administration",
          "organization_administration",
          "members",
          "secrets",
          "organization_secrets",
          "dependabot_secrets",
          "workflows",
          "environments",
          "organization_self_hosted_runners",
          "organization_hooks",
          "repository_hooks",
          "organization_personal_access_tokens",
          "organization_custom_roles",
          "organization_user_blocking");

  /**
   * Classic OAuth scopes that write broadly: to every repository the owner can push to, to the
   * organization's settings, hooks or members, or to workflows.
   */
  static boolean broadScope(String scope) {
    return scope.equals("repo")
        || scope.equals("public_repo")
        || scope.equals("workflow")
        || scope.equals("delete_repo")
        || scope.equals("write:org")
        || scope.equals("site_admin")
        || scope.equals("delete:packages")
        || scope.startsWith("admin:");
  }

  static boolean isPublic(Entity repo) {
    return repo.text(Attr.VISIBILITY).map("public"::equals).orElse(false);
  }

  /** The organization a GitHub entity belongs to, following CONTAINS upwards. */
  static Optional<Entity> organizationOf(TrustGraph graph, Entity entity) {
    Entity current = entity;
    for (int depth = 0; depth < 6 && current != null; depth++) {
      if (current.kind() == EntityKind.ORGANIZATION) {
        return Optional.of(current);
      }
      current = graph.container(current).orElse(null);
    }
    return Optional.empty();
  }

  /**
   * The permissions of a grant (an installed app, a token) that make it broad: any admin level, a
   * write on a sensitive permission, or write access to the contents of every repository.
   */
  static List<String> broadPermissions(Entity grant) {
    boolean allRepositories =
        grant.text(Attr.REPOSITORY_SELECTION).map("all"::equals).orElse(false);
    List<String> broad = new ArrayList<>();
    for (String p : grant.list(Attr.PERMISSIONS)) {
      int colon = p.lastIndexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = p.substring(0, colon);
      String level = p.substring(colon + 1);
      boolean write = level.equals("write") || level.equals("admin");
      if (level.equals("admin")
          || (write && SENSITIVE_PERMISSIONS.contains(name))
          || (write && allRepositories && name.equals("contents"))) {
        broad.add(p);
      }
    }
    return broad;
  }

  /** Whole days between two instants, for messages. */
  static long days(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }
}
