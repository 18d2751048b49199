package dev.tenet.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphCodecTest {

  @Test
  void roundTripsEntitiesRelationsAndAttributes() {
    TrustGraph g = new TrustGraph();
    Entity org =
        g.entity("github:a", EntityKind.ORGANIZATION, "a", "github").set(Attr.MFA_REQUIRED, false);
    Entity user =
        g.entity("github:a#member/bob", EntityKind.USER, "bob", "github")
            .set(Attr.MFA_ENABLED, true);
    Entity repo =
        g.entity("github:a/r", EntityKind.REPOSITORY, "r", "github")
            .set(Attr.PROTECTION_SOURCES, List.of("x", "y"))
            .set(Attr.REQUIRED_APPROVALS, 2);
    g.relate(user, RelationKind.MEMBER_OF, org, "github").set(Attr.ROLE, "owner");
    g.relate(user, RelationKind.CAN_WRITE, repo, "github");
    g.relate(user, RelationKind.CAN_ADMIN, repo, "github");
    g.relate(org, RelationKind.CONTAINS, repo, "github");

    TrustGraph back = GraphCodec.decode(GraphCodec.encode(g));

    assertThat(back.entityCount()).isEqualTo(3);
    assertThat(back.relationCount()).isEqualTo(4);
    assertThat(back.get("github:a/r").asMap()).isEqualTo(repo.asMap());
    assertThat(back.get("github:a/r").number(Attr.REQUIRED_APPROVALS)).contains(2L);
    Entity bob = back.get("github:a#member/bob");
    assertThat(back.targets(bob, RelationKind.CAN_ADMIN))
        .extracting(Entity::id)
        .containsExactly("github:a/r");
    assertThat(back.outgoing(bob, RelationKind.MEMBER_OF).get(0).text(Attr.ROLE)).contains("owner");
  }

  @Test
  void relatingTwiceKeepsOneRelationPerKind() {
    TrustGraph g = new TrustGraph();
    Entity a = g.entity("x:a", EntityKind.USER, "a", "t");
    Entity b = g.entity("x:b", EntityKind.REPOSITORY, "b", "t");
    g.relate(a, RelationKind.CAN_WRITE, b, "t");
    g.relate(a, RelationKind.CAN_WRITE, b, "t");
    g.relate(a, RelationKind.CAN_READ, b, "t");
    assertThat(g.relationCount()).isEqualTo(2);
    assertThat(g.entity("x:a", EntityKind.USER, "other", "t")).isSameAs(a);
  }
}
