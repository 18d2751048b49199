package dev.tenet.core.link;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.iam.AwsArns;
import java.util.List;
import java.util.Optional;

/**
 * Links cluster identities and cloud identities both ways: an IAM role or user mapped to a
 * Kubernetes user or group (EKS aws-auth) acts as that identity, and a service account annotated
 * with a role (EKS IRSA) can assume it.
 */
public final class WorkloadIdentityLinker implements GraphLinker {
  private static final List<EntityKind> CLUSTER_IDENTITIES =
      List.of(EntityKind.USER, EntityKind.TEAM, EntityKind.SERVICE_ACCOUNT);

  @Override
  public void link(TrustGraph graph) {
    for (EntityKind kind : CLUSTER_IDENTITIES) {
      for (Entity identity : graph.entities(kind)) {
        identity
            .text(Attr.MAPPED_FROM_ARN)
            .flatMap(arn -> cloudEntity(graph, arn))
            .ifPresent(
                cloud ->
                    graph
                        .relate(cloud, RelationKind.ASSUMES_ROLE, identity, SOURCE)
                        .set(Attr.VIA, "aws-auth mapping"));
        identity
            .text(Attr.ASSUMES_ROLE_ARN)
            .flatMap(arn -> cloudEntity(graph, arn))
            .filter(role -> role.kind() == EntityKind.CLOUD_ROLE)
            .ifPresent(
                role ->
                    graph
                        .relate(identity, RelationKind.ASSUMES_ROLE, role, SOURCE)
                        .set(Attr.VIA, "workload identity (IRSA)"));
      }
    }
  }

  private static Optional<Entity> cloudEntity(TrustGraph graph, String arn) {
    return AwsArns.resourceId(arn).flatMap(graph::find);
  }
}
