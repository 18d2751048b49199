package dev.tenet.app.gui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.dashboard.DashboardViewModel.State;
import dev.tenet.core.assessment.Assessment;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard: scores and their movement, attack paths, what was and was not assessed. */
class DashboardViewModelTest {
  @Test
  void summarisesTheLatestAssessment(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      DashboardViewModel vm = new DashboardViewModel(context.workspace(), UiExecutor.direct());
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);

      Assessment first = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 4, false);
      Assessment latest = Fixtures.store(context, Instant.parse("2026-11-21T10:00:00Z"), 1, true);
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
      assertThat(vm.overallProperty().get()).isEqualTo(latest.score().overall());
      assertThat(vm.headingProperty().get()).isEqualTo("acme (GitHub)");
      int delta = latest.score().overall() - first.score().overall();
      assertThat(vm.changeProperty().get())
          .contains(delta == 0 ? "No change" : String.valueOf(Math.abs(delta)));
      assertThat(vm.trend()).containsExactly(first.score().overall(), latest.score().overall());
      assertThat(vm.pathCountProperty().get()).isEqualTo(1);
      assertThat(vm.attackPathsProperty().get())
          .isEqualTo("1 attack path reaches a crown jewel; 1 critical.");
      assertThat(vm.assessed())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.label()).isEqualTo("acme · GitHub");
                assertThat(s.counts()).contains("3 repositories").contains("2 people");
              });
      assertThat(vm.topRisks()).isNotEmpty();
      assertThat(vm.topRisks().get(0).id()).isNotBlank();
    }
  }
}
