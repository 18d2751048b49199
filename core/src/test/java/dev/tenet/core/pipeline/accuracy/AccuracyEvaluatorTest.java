package dev.tenet.core.pipeline.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccuracyEvaluatorTest {
  static Finding finding(String file, String weakness, int line, boolean suppressed) {
    return new Finding(
        file + line + weakness,
        "R",
        WeaknessCatalog.standard().get(weakness),
        Severity.HIGH,
        "t",
        "m",
        "local:x#file/" + file,
        Location.of(file, line),
        suppressed ? Map.of("suppressedBy", "x") : Map.of(),
        List.of());
  }

  static AccuracyEvaluator evaluator(List<Finding> findings) {
    return new AccuracyEvaluator(sources -> findings);
  }

  static Labels labels(List<Labels.Expected> expected) {
    return new Labels(
        "s", Set.of("script-injection", "action-unpinned"), Set.of("a.yml", "b.yml"), expected);
  }

  @Test
  void matchesOnFileWeaknessAndLineWithinTwo() {
    List<Finding> found =
        List.of(
            finding("a.yml", "script-injection", 12, false),
            finding("a.yml", "script-injection", 12, false),
            finding("a.yml", "script-injection", 40, false),
            finding("a.yml", "action-unpinned", 5, true),
            finding("a.yml", "pipe-to-shell", 3, false),
            finding("b.yml", "action-unpinned", 9, false));
    Labels l =
        labels(
            List.of(
                new Labels.Expected("a.yml", "script-injection", 10, "x"),
                new Labels.Expected("a.yml", "script-injection", 30, "x"),
                new Labels.Expected("a.yml", "action-unpinned", 5, "x"),
                new Labels.Expected("b.yml", "action-unpinned", null, "x")));
    AccuracyEvaluator.Report r = evaluator(found).evaluate(l, List.of(), List.of());
    AccuracyEvaluator.Stats si = r.byWeakness().get("script-injection");
    assertThat(List.of(si.found(), si.correct(), si.expected(), si.recalled()))
        .containsExactly(2, 1, 2, 1);
    AccuracyEvaluator.Stats au = r.byWeakness().get("action-unpinned");
    // the suppressed finding does not count; the file-level expectation matches any line
    assertThat(List.of(au.found(), au.correct(), au.expected(), au.recalled()))
        .containsExactly(1, 1, 2, 1);
    assertThat(r.overall().precision()).isEqualTo(2.0 / 3);
    assertThat(r.overall().recall()).isEqualTo(0.5);
    assertThat(r.missed()).extracting(AccuracyEvaluator.Miss::line).containsExactly(30, 5);
    assertThat(r.extra()).extracting(AccuracyEvaluator.Miss::line).containsExactly(40);
  }

  @Test
  void exceptionsAreAppliedAndStaleOnesReported() {
    List<Finding> found =
        new ArrayList<>(
            List.of(
                finding("a.yml", "script-injection", 50, false),
                finding("a.yml", "script-injection", 70, false)));
    Labels l =
        labels(
            List.of(
                new Labels.Expected("a.yml", "script-injection", 10, "x"),
                new Labels.Expected("a.yml", "script-injection", 20, "x")));
    List<Exceptions.Entry> x =
        List.of(
            new Exceptions.Entry(
                "s",
                "a.yml",
                "script-injection",
                10,
                Exceptions.Kind.PEER_FALSE_POSITIVE,
                null,
                "r"),
            new Exceptions.Entry(
                "s", "a.yml", "script-injection", 20, Exceptions.Kind.LOCATION, 50, "r"),
            new Exceptions.Entry(
                "s", "a.yml", "script-injection", 70, Exceptions.Kind.PEER_MISSED, null, "r"),
            new Exceptions.Entry(
                "s", "b.yml", "script-injection", 3, Exceptions.Kind.OUT_OF_SCOPE, null, "r"));
    AccuracyEvaluator.Report r = evaluator(found).evaluate(l, List.of(), x);
    assertThat(r.overall().precision()).isEqualTo(1.0);
    assertThat(r.overall().recall()).isEqualTo(1.0);
    assertThat(r.raw().recall()).isEqualTo(0.0);
    assertThat(r.applied()).hasSize(3);
    assertThat(r.stale()).singleElement().satisfies(e -> assertThat(e.file()).isEqualTo("b.yml"));
    assertThat(r.render()).contains("STALE exception b.yml:3");
  }
}
