package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;

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
