package dev.tenet.app.gui.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.paths.PathsViewModel.GraphNode;
import dev.tenet.app.gui.paths.PathsViewModel.Role;
import dev.tenet.app.gui.paths.PathsViewModel.State;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attack paths screen on a hand-built path over a stored graph. */
class PathsViewModelTest {
  @Test
  void listsDrawsAndExplainsThePathAndTheBlastRadiusOfAnEntity(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Assessment a = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, true);
      PathsViewModel vm =
          new PathsViewModel(
              context.workspace(),
              context.graphs(),
              PathsViewModel.engine(context.attackPaths()),
              UiExecutor.direct());
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
      assertThat(vm.summaryProperty().get()).startsWith("1 attack path · 1 critical");
      assertThat(vm.paths())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(p.title()).isEqualTo("bob (member)  →  production (environment)");
                assertThat(p.steps()).isEqualTo(3);
              });

      PathsViewModel.PathGraph g = vm.graphProperty().get();
      Map<String, Role> roles =
          g.nodes().stream()
              .collect(java.util.stream.Collectors.toMap(GraphNode::id, GraphNode::role));
      assertThat(roles)
          .containsEntry(Fixtures.BOB, Role.ENTRY)
          .containsEntry(Fixtures.DEPLOY, Role.PATH)
          .containsEntry(Fixtures.WORKFLOW, Role.PATH)
          .containsEntry(Fixtures.PRODUCTION, Role.TARGET);
      assertThat(roles).containsValue(Role.AROUND);
      assertThat(g.edges().stream().filter(PathsViewModel.GraphEdge::onPath)).hasSize(3);
      GraphNode bob = g.nodes().stream().filter(n -> n.id().equals(Fixtures.BOB)).findFirst().get();
      assertThat(bob.kind()).isEqualTo("user");
      assertThat(bob.findings()).isPositive();

      // The first step is explained by the finding that enables it.
      String mfaTitle =
          a.findings().stream()
              .filter(f -> f.resource().equals(Fixtures.BOB))
              .findFirst()
              .get()
              .title();
      assertThat(vm.steps().get(0).because()).startsWith(mfaTitle);
      assertThat(vm.steps().get(1).because()).isEqualTo("the release workflow is in deploy");

      vm.selectNode(Fixtures.BOB);
      assertThat(vm.nodeProperty().get().name()).isEqualTo("bob");
      assertThat(vm.nodeProperty().get().findings()).isNotEmpty();
      assertThat(vm.reach()).extracting(PathsViewModel.ReachRow::id).contains(Fixtures.PRODUCTION);
      assertThat(vm.reachStatusProperty().get()).startsWith("bob reaches ");
    }
  }

  @Test
  void anAssessmentWithoutPathsSaysSo(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      PathsViewModel vm =
          new PathsViewModel(
              context.workspace(),
              context.graphs(),
              (a, e) -> java.util.List.of(),
              UiExecutor.direct());
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
      Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 1, false);
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.NO_PATHS);
      assertThat(vm.statusProperty().get()).contains("lists no chain of trust relations");
    }
  }
}
