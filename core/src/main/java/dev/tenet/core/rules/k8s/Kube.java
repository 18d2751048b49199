package dev.tenet.core.rules.k8s;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.rules.CiIdentities;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Names and graph readings shared by the Kubernetes rules. */
final class Kube {
  private Kube() {}

  static final String PLATFORM = "k8s";

  /** Groups every identity (or every service account) belongs to. */
  static final Set<String> EVERYONE_GROUPS =
      Set.of("system:authenticated", "system:unauthenticated", "system:serviceaccounts");

  static boolean isClusterEntity(Entity e) {
    return ResourceId.platformOf(e.id()).equals(PLATFORM);
  }

  /** Users, groups and service accounts of the scanned clusters. */
  static List<Entity> identities(TrustGraph graph) {
    List<Entity> out = new ArrayList<>();
    for (EntityKind k : List.of(EntityKind.SERVICE_ACCOUNT, EntityKind.USER, EntityKind.TEAM)) {
      graph.entities(k).stream().filter(Kube::isClusterEntity).forEach(out::add);
    }
    return out;
  }

  /** A group that stands for everyone (or every service account of the cluster or a namespace). */
  static boolean everyone(Entity subject) {
    return subject.kind() == EntityKind.TEAM
            && (EVERYONE_GROUPS.contains(subject.name())
                || subject.name().startsWith("system:serviceaccounts:"))
        || (subject.kind() == EntityKind.USER && subject.name().equals("system:anonymous"));
  }

  /** The has-role relations of an identity and of the groups it belongs to. */
  static List<Relation> grants(TrustGraph graph, Entity identity) {
    List<Relation> out = new ArrayList<>(graph.outgoing(identity, RelationKind.HAS_ROLE));
    for (Entity group : graph.targets(identity, RelationKind.MEMBER_OF)) {
      if (isClusterEntity(group)) {
        out.addAll(graph.outgoing(group, RelationKind.HAS_ROLE));
      }
    }
    return out;
  }

  static boolean clusterWide(Relation hasRole) {
    return hasRole.list(Attr.NAMESPACES).contains("*");
  }

  /** Administrator of the whole cluster, by a binding or by a built-in group (system:masters). */
  static boolean clusterAdmin(TrustGraph graph, Entity identity) {
    if (graph.outgoing(identity, RelationKind.CAN_ADMIN).stream()
        .anyMatch(r -> r.to().kind() == EntityKind.CLUSTER)) {
      return true;
    }
    return graph.targets(identity, RelationKind.MEMBER_OF).stream()
        .flatMap(g -> graph.outgoing(g, RelationKind.CAN_ADMIN).stream())
        .anyMatch(r -> r.to().kind() == EntityKind.CLUSTER);
  }

  /**
   * Why an identity looks like one a CI/CD system uses: a pipeline can assume the cloud role it is
   * mapped from, its name (or namespace) names a CI system, or it has a long-lived token made for
   * use outside the cluster. Empty when nothing suggests it.
   */
  static List<String> ciEvidence(TrustGraph graph, Entity identity) {
    List<String> evidence = new ArrayList<>();
    for (Entity cloud : graph.sources(identity, RelationKind.ASSUMES_ROLE)) {
      boolean pipelines =
          graph.incoming(cloud, RelationKind.ASSUMES_ROLE).stream()
              .anyMatch(r -> r.has(Attr.SUBJECTS));
      if (pipelines) {
        evidence.add("mapped from " + cloud.id() + ", which pipelines assume through OIDC");
      }
    }
    CiIdentities.ciWord(identity.name())
        .ifPresent(w -> evidence.add("its name names a CI/CD system ('" + w + "')"));
    identity
        .text(Attr.NAMESPACE)
        .flatMap(CiIdentities::ciWord)
        .filter(w -> CiIdentities.ciWord(identity.name()).isEmpty())
        .ifPresent(w -> evidence.add("its namespace names a CI/CD system ('" + w + "')"));
    if (identity.isTrue(Attr.LONG_LIVED_TOKEN)) {
      evidence.add("it has a long-lived token secret, made for use outside the cluster");
    }
    return evidence;
  }

  static String describe(Entity subject) {
    return switch (subject.kind()) {
      case SERVICE_ACCOUNT ->
          "service account "
              + subject.text(Attr.NAMESPACE).map(ns -> ns + "/").orElse("")
              + subject.name();
      case TEAM -> "group " + subject.name();
      default -> "user " + subject.name();
    };
  }
}
