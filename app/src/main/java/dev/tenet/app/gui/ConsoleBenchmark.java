package dev.tenet.app.gui;

import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.findings.FindingRow;
import dev.tenet.app.gui.findings.FindingsViewModel;
import dev.tenet.app.gui.findings.FindingsViewModel.Choice;
import dev.tenet.app.gui.findings.FindingsViewModel.Grouping;
import dev.tenet.app.gui.findings.SyntheticFindings;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rules.StandardRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Times what the findings screen does when the user filters: the ViewModel's filter pass and the
 * replacement of the table's rows, over a synthetic assessment of many findings. The table itself
 * is virtualized: it draws only the visible rows whatever their number.
 */
public final class ConsoleBenchmark {
  /** The budget of one filter step at 100,000 findings. */
  public static final double FILTER_BUDGET_MS = 200;

  private ConsoleBenchmark() {}

  /**
   * One timed operation.
   *
   * @param shown the rows shown after it
   */
  public record Measure(String what, double medianMs, double worstMs, int shown) {}

  /** Everything measured. */
  public record Result(int findings, double loadMs, double sortMs, List<Measure> filters) {
    public boolean withinBudget() {
      return filters.stream().allMatch(m -> m.worstMs() <= FILTER_BUDGET_MS);
    }
  }

  public static Result filtering(int count, int repetitions) {
    Assessment a = SyntheticFindings.assessment(count, 1);
    FindingsViewModel vm =
        new FindingsViewModel(null, StandardRules.catalog(), UiExecutor.direct(), null);
    long t0 = System.nanoTime();
    vm.display(a, Set.of());
    double load = (System.nanoTime() - t0) / 1e6;

    List<Measure> out = new ArrayList<>();
    out.add(
        time(
            "Search one word ('branch')",
            repetitions,
            vm,
            () -> vm.searchProperty().set("branch"),
            () -> vm.searchProperty().set("")));
    out.add(
        time(
            "Search two words ('service-12 main')",
            repetitions,
            vm,
            () -> vm.searchProperty().set("service-12 main"),
            () -> vm.searchProperty().set("")));
    out.add(
        time(
            "Severity high",
            repetitions,
            vm,
            () ->
                FindingsViewModel.choose(
                    vm.severityProperty(), vm.severityChoices(), Severity.HIGH),
            () -> FindingsViewModel.choose(vm.severityProperty(), vm.severityChoices(), null)));
    out.add(
        time(
            "Pillar integrity + status new",
            repetitions,
            vm,
            () -> {
              FindingsViewModel.choose(vm.pillarProperty(), vm.pillarChoices(), Pillar.INTEGRITY);
              FindingsViewModel.choose(
                  vm.findingStatusProperty(), vm.statusChoices(), FindingRow.Status.NEW);
            },
            vm::clearFilters));
    Choice<String> weakness = vm.weaknessChoices().get(vm.weaknessChoices().size() / 2);
    out.add(
        time(
            "Weakness " + weakness.value(),
            repetitions,
            vm,
            () -> vm.weaknessProperty().set(weakness),
            vm::clearFilters));
    out.add(
        time(
            "Clear every filter",
            repetitions,
            vm,
            () -> FindingsViewModel.choose(vm.platformProperty(), vm.platformChoices(), "gitlab"),
            vm::clearFilters,
            true));
    vm.groupingProperty().set(Grouping.REPOSITORY);
    out.add(
        time(
            "Search 'main' grouped by repository",
            repetitions,
            vm,
            () -> vm.searchProperty().set("main"),
            () -> vm.searchProperty().set("")));
    vm.groupingProperty().set(Grouping.NONE);

    long s0 = System.nanoTime();
    vm.sortBy(List.of(new FindingsViewModel.SortKey(FindingsViewModel.Column.TITLE, true)));
    double sort = (System.nanoTime() - s0) / 1e6;
    return new Result(count, load, sort, out);
  }

  private static Measure time(
      String what, int repetitions, FindingsViewModel vm, Runnable apply, Runnable undo) {
    return time(what, repetitions, vm, apply, undo, false);
  }

  /** Times {@code apply} (or, when {@code timeUndo}, the undo) after warming up. */
  private static Measure time(
      String what,
      int repetitions,
      FindingsViewModel vm,
      Runnable apply,
      Runnable undo,
      boolean timeUndo) {
    for (int i = 0; i < 3; i++) {
      apply.run();
      undo.run();
    }
    double[] ms = new double[repetitions];
    int shown = 0;
    for (int i = 0; i < repetitions; i++) {
      if (timeUndo) {
        apply.run();
      }
      long t = System.nanoTime();
      (timeUndo ? undo : apply).run();
      ms[i] = (System.nanoTime() - t) / 1e6;
      shown = vm.rows().size();
      if (!timeUndo) {
        undo.run();
      }
    }
    Arrays.sort(ms);
    return new Measure(what, ms[ms.length / 2], ms[ms.length - 1], shown);
  }
}
