package dev.tenet.app.gui.dashboard;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.ScanPlan;
import dev.tenet.app.service.ScanRunner;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.score.PillarScore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The dashboard's state: the latest assessment's scores, their movement, top risks, coverage. */
public final class DashboardViewModel {
  public enum State {
    LOADING,
    EMPTY,
    READY,
    ERROR
  }

  /** One pillar as the dashboard shows it; {@code score} null when not assessed. */
  public record PillarRow(Pillar pillar, Integer score, String detail) {}

  /** One of the most severe findings. */
  public record RiskRow(Severity severity, String title, String resource, String message) {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

  private final Workspace workspace;
  private final ScanRunner scans;
  private final UiExecutor executor;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the latest assessment…");
  private final ObjectProperty<Integer> overall = new SimpleObjectProperty<>();
  private final StringProperty grade = new SimpleStringProperty("");
  private final StringProperty change = new SimpleStringProperty("");
  private final StringProperty heading = new SimpleStringProperty("");
  private final StringProperty subheading = new SimpleStringProperty("");
  private final StringProperty coverage = new SimpleStringProperty("");
  private final StringProperty attackPaths = new SimpleStringProperty("");
  private final ObservableList<PillarRow> pillars = FXCollections.observableArrayList();
  private final ObservableList<RiskRow> topRisks = FXCollections.observableArrayList();
  private final ObservableList<Integer> trend = FXCollections.observableArrayList();
  private Cancellation running;

  public DashboardViewModel(Workspace workspace, ScanRunner scans, UiExecutor executor) {
    this.workspace = workspace;
    this.scans = scans;
    this.executor = executor;
  }

  /** Loads the latest assessment in the background. */
  public void load() {
    state.set(State.LOADING);
    status.set("Loading the latest assessment…");
    executor.run(this::snapshot, this::show, this::fail);
  }

  /** Scans the bundled sample organization, showing progress, then shows the new assessment. */
  public void runDemo() {
    if (running != null) {
      return;
    }
    Cancellation cancel = new Cancellation();
    running = cancel;
    state.set(State.LOADING);
    status.set("Starting the demo scan of the sample organization…");
    ScanListener progress =
        new ScanListener() {
          @Override
          public void progress(ScopeEntry scope, int done, int total, String item) {
            String text =
                total > 0
                    ? "Scanning " + scope.target() + ": " + done + " of " + total + " repositories…"
                    : "Scanning " + scope.target() + ": reading " + item + "…";
            executor.ui(() -> status.set(text));
          }

          @Override
          public void phase(String description) {
            executor.ui(() -> status.set(description + "…"));
          }
        };
    executor.run(
        () -> {
          scans.run(ScanPlan.demoOnly(), progress, cancel);
          return snapshot();
        },
        s -> {
          running = null;
          show(s);
        },
        e -> {
          running = null;
          fail(e);
        });
  }

  /** Cancels a running scan, if any. */
  public void cancel() {
    if (running != null) {
      running.cancel();
    }
  }

  private record Snapshot(Assessment latest, List<AssessmentSummary> history) {}

  private Snapshot snapshot() {
    List<AssessmentSummary> history = workspace.history();
    return new Snapshot(workspace.latest().orElse(null), history);
  }

  private void show(Snapshot s) {
    if (s.latest() == null) {
      state.set(State.EMPTY);
      status.set("No assessment yet.");
      return;
    }
    Assessment a = s.latest();
    overall.set(a.score().overall());
    grade.set(a.score().grade() == null ? "" : a.score().grade());
    heading.set(
        a.scope().stream()
            .map(e -> e.target() + " · " + e.platform())
            .collect(Collectors.joining(", ")));
    subheading.set("Assessed " + WHEN.format(a.finishedAt()) + " · assessment " + a.id());
    change.set(changeText(s.history(), a));
    pillars.setAll(
        java.util.Arrays.stream(Pillar.values())
            .map(p -> pillarRow(a.score().pillar(p), p))
            .toList());
    topRisks.setAll(
        a.findings().stream()
            .filter(f -> !f.weakness().id().equals("coverage-gap"))
            .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::ruleId))
            .limit(6)
            .map(f -> new RiskRow(f.severity(), f.title(), f.resource(), f.message()))
            .toList());
    trend.setAll(
        s.history().stream()
            .filter(h -> h.overall() != null && sameScope(h.scope(), a.scope()))
            .map(AssessmentSummary::overall)
            .toList());
    coverage.set(
        a.coverage().resources()
            + " resources assessed · "
            + a.coverage().blindSpots()
            + (a.coverage().blindSpots() == 1 ? " blind spot" : " blind spots")
            + " · "
            + a.findings().size()
            + " findings");
    attackPaths.set(attackPathsText(a));
    state.set(State.READY);
    status.set("");
  }

  private static String attackPathsText(Assessment a) {
    var e = a.exposure();
    if (e.pathsFound() == 0) {
      return e.entryPoints() == 0
          ? "Attack paths: no untrusted entry point found."
          : "Attack paths: no crown jewel reachable from " + e.entryPoints() + " entry points.";
    }
    int n = e.cut().size();
    return "Attack paths: "
        + e.pathsFound()
        + " reach "
        + e.reachableJewels()
        + " of "
        + e.crownJewels()
        + " crown jewels; "
        + (e.cutClosesAll()
            ? (n == 1 ? "one fix closes" : n + " fixes close") + " them all."
            : "some cannot be cut.");
  }

  private static PillarRow pillarRow(PillarScore ps, Pillar p) {
    if (ps == null || !ps.assessed()) {
      return new PillarRow(p, null, "Not assessed: nothing in scope was judged for this pillar");
    }
    String detail = ps.checks() + " checks · " + ps.failed() + " failed";
    if (ps.unknown() > 0) {
      detail += " · " + ps.unknown() + " unknown";
    }
    return new PillarRow(p, ps.score(), detail);
  }

  private static String changeText(List<AssessmentSummary> history, Assessment a) {
    AssessmentSummary previous = null;
    for (AssessmentSummary h : history) {
      if (h.id().equals(a.id())) {
        break;
      }
      if (sameScope(h.scope(), a.scope())) {
        previous = h;
      }
    }
    if (previous == null || previous.overall() == null || a.score().overall() == null) {
      return "First assessment of this scope";
    }
    int d = a.score().overall() - previous.overall();
    return (d > 0 ? "▲ +" + d : d < 0 ? "▼ " + d : "No change") + " since the previous assessment";
  }

  private static boolean sameScope(List<ScopeEntry> a, List<ScopeEntry> b) {
    return a.stream()
        .map(s -> s.platform() + ":" + s.target())
        .toList()
        .equals(b.stream().map(s -> s.platform() + ":" + s.target()).toList());
  }

  private void fail(Exception e) {
    state.set(State.ERROR);
    status.set(Messages.of(e));
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public ObjectProperty<Integer> overallProperty() {
    return overall;
  }

  public StringProperty gradeProperty() {
    return grade;
  }

  public StringProperty changeProperty() {
    return change;
  }

  public StringProperty headingProperty() {
    return heading;
  }

  public StringProperty subheadingProperty() {
    return subheading;
  }

  public StringProperty coverageProperty() {
    return coverage;
  }

  public StringProperty attackPathsProperty() {
    return attackPaths;
  }

  public ObservableList<PillarRow> pillars() {
    return pillars;
  }

  public ObservableList<RiskRow> topRisks() {
    return topRisks;
  }

  public ObservableList<Integer> trend() {
    return trend;
  }
}
