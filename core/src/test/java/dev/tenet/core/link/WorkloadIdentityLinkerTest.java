package dev.tenet.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.testing.CloudGraph;
import org.junit.jupiter.api.Test;

class WorkloadIdentityLinkerTest {

  @Test
  void awsAuthMappingsAndServiceAccountRolesLinkBothWays() {
    CloudGraph cloud = new CloudGraph(new TrustGraph());
    Entity deployer = cloud.role("prod-deployer", "{}");
    Entity runtime = cloud.role("payments-api-runtime", "{}");
    Entity cluster = cloud.cluster("acme-prod");
    Entity mapped =
        cloud
            .k8sUser(cluster, "github-deployer")
            .set(Attr.MAPPED_FROM_ARN, "arn:aws:iam::123456789012:role/ci/prod-deployer");
    Entity sa =
        cloud
            .serviceAccount(cluster, "payments", "payments-api")
            .set(Attr.ASSUMES_ROLE_ARN, "arn:aws:iam::123456789012:role/payments-api-runtime");
    Entity dangling =
        cloud
            .serviceAccount(cluster, "payments", "other")
            .set(Attr.ASSUMES_ROLE_ARN, "arn:aws:iam::999999999999:role/elsewhere");

    new WorkloadIdentityLinker().link(cloud.graph());

    assertThat(cloud.graph().targets(deployer, RelationKind.ASSUMES_ROLE)).containsExactly(mapped);
    assertThat(cloud.graph().targets(sa, RelationKind.ASSUMES_ROLE)).containsExactly(runtime);
    assertThat(cloud.graph().outgoing(dangling, RelationKind.ASSUMES_ROLE)).isEmpty();
  }
}
