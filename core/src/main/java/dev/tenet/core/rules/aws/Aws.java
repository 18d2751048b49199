package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.rules.Subjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Names and graph readings shared by the AWS rules. */
final class Aws {
  private Aws() {}

  static final String PLATFORM = "aws";

  /** The credential report's name for the account's root user. */
  static final String ROOT_USER = "<root_account>";

  static List<Entity> roles(TrustGraph graph) {
    return Subjects.of(graph, EntityKind.CLOUD_ROLE, PLATFORM);
  }

  static List<Entity> users(TrustGraph graph) {
    return Subjects.of(graph, EntityKind.USER, PLATFORM);
  }

  static boolean isRoot(Entity user) {
    return user.name().equals(ROOT_USER);
  }

  /** The role's trust policy; empty when it was not read or cannot be parsed. */
  static Optional<PolicyDocument> trust(Entity role) {
    return role.text(Attr.TRUST_POLICY)
        .flatMap(
            text -> {
              try {
                return Optional.of(PolicyDocument.parse(text));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** Known to be administrator or able to make itself one; empty when its policies are unknown. */
  static Optional<Boolean> adminEquivalent(Entity principal) {
    if (principal.isTrue(Attr.ADMIN_ACCESS)
        || !principal.list(Attr.PRIVILEGE_ESCALATION).isEmpty()) {
      return Optional.of(true);
    }
    return principal.has(Attr.ADMIN_ACCESS) ? Optional.of(false) : Optional.empty();
  }

  static String accountOf(Entity e) {
    return ResourceId.parse(e.id()).scope();
  }

  /** Who was linked as able to assume the role, as resource ids (at most a dozen). */
  static List<String> assumedBy(TrustGraph graph, Entity role) {
    List<String> out = new ArrayList<>();
    for (Relation r : graph.incoming(role, RelationKind.ASSUMES_ROLE)) {
      if (out.size() == 12) {
        out.add("…");
        break;
      }
      out.add(r.from().id());
    }
    return out;
  }

  /** Pipeline entities (repositories, branches, environments, jobs) that can assume the role. */
  static List<Relation> pipelineAssumers(TrustGraph graph, Entity role) {
    return graph.incoming(role, RelationKind.ASSUMES_ROLE).stream()
        .filter(r -> r.has(Attr.SUBJECTS))
        .toList();
  }

  /** Active access keys of a user. */
  static List<Entity> activeKeys(TrustGraph graph, Entity user) {
    return graph.targets(user, RelationKind.CONTAINS).stream()
        .filter(k -> k.kind() == EntityKind.TOKEN && k.isTrue(Attr.ACTIVE))
        .toList();
  }
}
