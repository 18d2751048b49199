package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.core.assessment.Assessment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored graph as the attack paths screen draws it. */
class GraphServiceTest {
  @Test
  void aMemberWhoCanWriteADeployRepositoryReachesItsWorkflowSecretAndProduction(
      @TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Assessment a = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, true);
      List<GraphService.Reached> reach = context.graphs().reach(a.id(), Fixtures.BOB);
      assertThat(reach)
          .extracting(GraphService.Reached::id)
          .contains(
              Fixtures.DEPLOY,
              Fixtures.WORKFLOW,
              Fixtures.PRODUCTION,
              "github:acme/deploy#secret/PROD_DEPLOY_KEY");
      GraphService.Reached production =
          reach.stream().filter(r -> r.id().equals(Fixtures.PRODUCTION)).findFirst().get();
      assertThat(production.steps()).isEqualTo(2);
      assertThat(production.via()).isEqualTo("can-write → contains");
      // Alice writes nothing directly: her reach is the organization she is a member of, and no
      // more (membership alone grants no write).
      assertThat(context.graphs().reach(a.id(), "github:acme#member/alice"))
          .extracting(GraphService.Reached::id)
          .containsExactly("github:acme");
      assertThatThrownBy(() -> context.graphs().reach(a.id(), "github:acme#member/nobody"))
          .isInstanceOf(UserError.class);
    }
  }

  @Test
  void aroundAPathItDrawsNeighboursAndTheRelationsBetweenThem(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Assessment a = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, true);
      GraphService.Neighbourhood n =
          context.graphs().around(a.id(), List.of(Fixtures.BOB, Fixtures.DEPLOY), 2);
      assertThat(n.graphStored()).isTrue();
      assertThat(n.nodes())
          .extracting(GraphService.Node::id)
          .startsWith(Fixtures.BOB, Fixtures.DEPLOY);
      assertThat(n.nodes().size()).isBetween(3, 6);
      assertThat(n.edges())
          .contains(new GraphService.Edge(Fixtures.BOB, "can-write", Fixtures.DEPLOY));
      GraphService.Neighbourhood missing =
          context.graphs().around(a.id(), List.of("internet:anyone"), 2);
      assertThat(missing.nodes()).singleElement().satisfies(x -> assertThat(x.known()).isFalse());
    }
  }
}
