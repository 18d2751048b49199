package dev.tenet.app.gui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.trends.TrendsViewModel.State;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Pillar;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores over time, findings opened and resolved, and the comparison of two assessments. */
class TrendsViewModelTest {
  @Test
  void chartsTheScopeAndComparesTheLastTwo(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      TrendsViewModel vm = new TrendsViewModel(context.workspace(), UiExecutor.direct());
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);

      Assessment first = Fixtures.store(context, Instant.parse("2026-11-20T10:00:00Z"), 4, false);
      Assessment second = Fixtures.store(context, Instant.parse("2026-11-21T10:00:00Z"), 2, false);
      Assessment third = Fixtures.store(context, Instant.parse("2026-11-22T10:00:00Z"), 5, false);
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
      assertThat(vm.scopes())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.assessments()).isEqualTo(3);
                assertThat(s.toString()).isEqualTo("acme (GitHub) · 3 assessments");
              });
      assertThat(vm.points())
          .extracting(TrendsViewModel.Point::overall)
          .containsExactly(
              first.score().overall(), second.score().overall(), third.score().overall());
      assertThat(vm.points().get(0).pillars().get(Pillar.INTEGRITY))
          .isEqualTo(first.score().pillar(Pillar.INTEGRITY).score());

      // Two fewer unprotected repositories, then three more.
      assertThat(vm.churn()).hasSize(2);
      assertThat(vm.churn().get(0).resolved()).isGreaterThan(0);
      assertThat(vm.churn().get(0).opened()).isZero();
      assertThat(vm.churn().get(1).opened()).isGreaterThan(0);
      assertThat(vm.churn().get(1).resolved()).isZero();

      // The newest two are compared by default.
      assertThat(vm.fromProperty().get().id()).isEqualTo(second.id());
      assertThat(vm.toProperty().get().id()).isEqualTo(third.id());
      assertThat(vm.added()).isNotEmpty().allMatch(c -> c.resource().contains("repo-"));
      assertThat(vm.resolved()).isEmpty();
      assertThat(vm.movements().get(0).pillar()).isEqualTo("Overall");
      assertThat(vm.movements().get(0).delta())
          .isEqualTo(third.score().overall() - second.score().overall());
      assertThat(vm.diffSummaryProperty().get()).contains(vm.added().size() + " new finding");

      vm.compare(vm.comparable().get(2), vm.comparable().get(1));
      assertThat(vm.resolved()).isNotEmpty();
      assertThat(vm.added()).isEmpty();

      vm.compare(vm.comparable().get(0), vm.comparable().get(0));
      assertThat(vm.diffSummaryProperty().get()).isEqualTo("Pick two different assessments.");
      assertThat(vm.movements()).isEmpty();
    }
  }
}
