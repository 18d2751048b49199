package dev.tenet.app.gui.trends;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentDiff;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trends screen's state: scores of every assessment of one scope over time, findings opened and
 * resolved at each, and the comparison of any two assessments.
 */
public final class TrendsViewModel {
  /** At most this many assessments are charted (the most recent). */
  static final int MAX_POINTS = 40;

  public enum State {
    LOADING,
    EMPTY,
    READY,
    ERROR
  }

  /** A scope (the organizations and groups an assessment covered) that can be charted. */
  public record ScopeChoice(Set<String> key, String label, int assessments) {
    @Override
    public String toString() {
      return label + " · " + Texts.count(assessments, "assessment");
    }
  }

  /** "acme-corp (GitHub), acme (GitLab)" for the scope key {github:acme-corp, gitlab:acme}. */
  static String scopeLabel(Set<String> key) {
    return key.stream()
        .map(
            k -> {
              int colon = k.indexOf(':');
              return colon < 0
                  ? k
                  : k.substring(colon + 1) + " (" + Texts.platform(k.substring(0, colon)) + ")";
            })
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  /** One assessment on the time axis. */
  public record Point(
      AssessmentSummary assessment, String label, Integer overall, Map<Pillar, Integer> pillars) {}

  /** Findings that appeared and disappeared at one assessment, against the one before it. */
  public record Churn(String label, int opened, int resolved) {}

  /** One finding in a comparison. */
  public record Change(Severity severity, String title, String resource, String note) {}

  /** One pillar's movement between the two compared assessments. */
  public record Movement(String pillar, Integer from, Integer to, Integer delta) {}

  private final Workspace workspace;
  private final UiExecutor executor;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the history…");
  private final ObservableList<ScopeChoice> scopes = FXCollections.observableArrayList();
  private final ObjectProperty<ScopeChoice> scope = new SimpleObjectProperty<>();
  private final ObservableList<Point> points = FXCollections.observableArrayList();
  private final ObservableList<Churn> churn = FXCollections.observableArrayList();
  private final StringProperty churnNote = new SimpleStringProperty("");

  private final ObservableList<AssessmentSummary> comparable = FXCollections.observableArrayList();
  private final ObjectProperty<AssessmentSummary> from = new SimpleObjectProperty<>();
  private final ObjectProperty<AssessmentSummary> to = new SimpleObjectProperty<>();
  private final StringProperty diffSummary = new SimpleStringProperty("");
  private final ObservableList<Movement> movements = FXCollections.observableArrayList();
  private final ObservableList<Change> added = FXCollections.observableArrayList();
  private final ObservableList<Change> resolved = FXCollections.observableArrayList();
  private final ObservableList<Change> changed = FXCollections.observableArrayList();
  private final ObservableList<Change> unverified = FXCollections.observableArrayList();

  private List<AssessmentSummary> history = List.of();
  private boolean quiet;
  private boolean picking;
  private int request;

  public TrendsViewModel(Workspace workspace, UiExecutor executor) {
    this.workspace = workspace;
    this.executor = executor;
    scope.addListener(
        (o, a, s) -> {
          if (!quiet && s != null) {
            chart(s);
          }
        });
  }

  public void load() {
    state.set(State.LOADING);
    status.set("Loading the history…");
    executor.run(
        workspace::history,
        h -> {
          history = h;
          if (h.isEmpty()) {
            state.set(State.EMPTY);
            status.set("No assessment yet: trends appear once you have scanned.");
            scopes.clear();
            return;
          }
          Map<Set<String>, List<AssessmentSummary>> byScope = new LinkedHashMap<>();
          for (AssessmentSummary s : h) {
            byScope.computeIfAbsent(Workspace.scopeKey(s.scope()), k -> new ArrayList<>()).add(s);
          }
          List<ScopeChoice> list = new ArrayList<>();
          byScope.forEach((k, v) -> list.add(new ScopeChoice(k, scopeLabel(k), v.size())));
          Set<String> latest = Workspace.scopeKey(h.get(h.size() - 1).scope());
          quiet = true;
          try {
            scopes.setAll(list);
            scope.set(
                list.stream().filter(c -> c.key().equals(latest)).findFirst().orElse(list.get(0)));
          } finally {
            quiet = false;
          }
          chart(scope.get());
        },
        this::fail);
  }

  private void chart(ScopeChoice choice) {
    List<AssessmentSummary> inScope =
        history.stream().filter(s -> Workspace.scopeKey(s.scope()).equals(choice.key())).toList();
    List<AssessmentSummary> recent =
        inScope.subList(Math.max(0, inScope.size() - MAX_POINTS), inScope.size());
    // Category labels must differ, or the chart folds two scans of the same minute into one.
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<Point> list = new ArrayList<>();
    for (AssessmentSummary s : recent) {
      String label = Texts.shortWhen(s.finishedAt());
      int n = seen.merge(label, 1, Integer::sum);
      list.add(new Point(s, n == 1 ? label : label + " (" + n + ")", s.overall(), s.pillars()));
    }
    points.setAll(list);
    List<AssessmentSummary> newestFirst = new ArrayList<>(inScope);
    java.util.Collections.reverse(newestFirst);
    comparable.setAll(newestFirst);
    state.set(State.READY);
    status.set("");
    if (newestFirst.size() >= 2) {
      compare(newestFirst.get(1), newestFirst.get(0));
    } else {
      from.set(null);
      to.set(newestFirst.get(0));
      clearDiff("One assessment of this scope so far: scan again to compare.");
    }
    churn.clear();
    churnNote.set(
        recent.size() < 2
            ? "Findings opened and resolved appear from the second assessment on."
            : "Counting…");
    if (recent.size() >= 2) {
      executor.run(
          () -> churnOf(recent, list.stream().map(Point::label).toList()),
          c -> {
            churn.setAll(c);
            churnNote.set(
                "Against the assessment before each; a finding hidden by a new blind spot is not"
                    + " counted as resolved.");
          },
          e -> churnNote.set(Messages.of(e)));
    }
  }

  private List<Churn> churnOf(List<AssessmentSummary> recent, List<String> labels) {
    List<Churn> out = new ArrayList<>();
    Assessment previous = workspace.load(recent.get(0).id());
    for (int i = 1; i < recent.size(); i++) {
      Assessment next = workspace.load(recent.get(i).id());
      AssessmentDiff d = AssessmentDiff.between(previous, next);
      out.add(new Churn(labels.get(i), d.added().size(), d.resolved().size()));
      previous = next;
    }
    return out;
  }

  /** Compares two assessments in the background. */
  public void compare(AssessmentSummary a, AssessmentSummary b) {
    if (picking) {
      return; // The pickers echo what is being set here.
    }
    picking = true;
    try {
      from.set(a);
      to.set(b);
    } finally {
      picking = false;
    }
    int mine = ++request;
    if (a == null || b == null) {
      request++;
      clearDiff("Pick two assessments to compare.");
      return;
    }
    if (a.id().equals(b.id())) {
      clearDiff("Pick two different assessments.");
      return;
    }
    diffSummary.set("Comparing…");
    executor.run(
        () -> workspace.diff(a.id(), b.id()),
        d -> {
          if (mine == request) {
            showDiff(d);
          }
        },
        e -> {
          if (mine == request) {
            clearDiff(Messages.of(e));
          }
        });
  }

  private void showDiff(AssessmentDiff d) {
    List<Movement> m = new ArrayList<>();
    m.add(
        new Movement(
            "Overall", d.from().score().overall(), d.to().score().overall(), d.overallDelta()));
    for (Pillar p : Pillar.values()) {
      Integer a = d.from().score().pillar(p) == null ? null : d.from().score().pillar(p).score();
      Integer b = d.to().score().pillar(p) == null ? null : d.to().score().pillar(p).score();
      m.add(new Movement(p.title(), a, b, d.pillarDeltas().get(p)));
    }
    movements.setAll(m);
    Map<String, Finding> before = new LinkedHashMap<>();
    d.from().findings().forEach(f -> before.putIfAbsent(f.id(), f));
    added.setAll(d.added().stream().map(f -> change(f, "")).toList());
    resolved.setAll(d.resolved().stream().map(f -> change(f, "")).toList());
    unverified.setAll(
        d.unverified().stream()
            .map(f -> change(f, "hidden by a blind spot in the later assessment"))
            .toList());
    changed.setAll(
        d.severityChanged().stream()
            .map(
                f ->
                    change(
                        f,
                        "was "
                            + (before.containsKey(f.id())
                                ? Texts.title(before.get(f.id()).severity())
                                : "?")))
            .toList());
    diffSummary.set(
        d.unchanged()
            ? "Nothing changed between these two assessments."
            : Texts.count(d.added().size(), "new finding")
                + " · "
                + Texts.count(d.resolved().size(), "resolved", "resolved")
                + " · "
                + Texts.count(d.severityChanged().size(), "changed severity", "changed severity")
                + (d.unverified().isEmpty()
                    ? ""
                    : " · " + Texts.count(d.unverified().size(), "unverified", "unverified"))
                + " · overall "
                + Texts.delta(d.overallDelta()));
  }

  private static Change change(Finding f, String note) {
    return new Change(f.severity(), f.title(), f.resource(), note);
  }

  private void clearDiff(String why) {
    movements.clear();
    added.clear();
    resolved.clear();
    changed.clear();
    unverified.clear();
    diffSummary.set(why);
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

  public ObservableList<ScopeChoice> scopes() {
    return scopes;
  }

  public ObjectProperty<ScopeChoice> scopeProperty() {
    return scope;
  }

  public ObservableList<Point> points() {
    return points;
  }

  public ObservableList<Churn> churn() {
    return churn;
  }

  public StringProperty churnNoteProperty() {
    return churnNote;
  }

  public ObservableList<AssessmentSummary> comparable() {
    return comparable;
  }

  public ObjectProperty<AssessmentSummary> fromProperty() {
    return from;
  }

  public ObjectProperty<AssessmentSummary> toProperty() {
    return to;
  }

  public StringProperty diffSummaryProperty() {
    return diffSummary;
  }

  public ObservableList<Movement> movements() {
    return movements;
  }

  public ObservableList<Change> added() {
    return added;
  }

  public ObservableList<Change> resolved() {
    return resolved;
  }

  public ObservableList<Change> changed() {
    return changed;
  }

  public ObservableList<Change> unverified() {
    return unverified;
  }
}
