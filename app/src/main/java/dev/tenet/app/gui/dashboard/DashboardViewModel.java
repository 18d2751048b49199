package dev.tenet.app.gui.dashboard;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.score.PillarScore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  public record RiskRow(
      String id, Severity severity, String title, String resource, String message) {}

  /** One organization or group the assessment covered, and what Tenet read of it. */
  public record ScopeRow(String platform, String label, String counts) {}

  /** Something Tenet could not assess, with how often. */
  public record GapRow(String what, int count, String remedy) {}

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

  private final Workspace workspace;
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
  private final javafx.beans.property.BooleanProperty blindSpots =
      new javafx.beans.property.SimpleBooleanProperty();
  private final ObjectProperty<Integer> pathCount = new SimpleObjectProperty<>(0);
  private final ObservableList<ScopeRow> assessed = FXCollections.observableArrayList();
  private final ObservableList<GapRow> notAssessed = FXCollections.observableArrayList();

  public DashboardViewModel(Workspace workspace, UiExecutor executor) {
    this.workspace = workspace;
    this.executor = executor;
  }

  /** Loads the latest assessment in the background. */
  public void load() {
    state.set(State.LOADING);
    status.set("Loading the latest assessment…");
    executor.run(this::snapshot, this::show, this::fail);
  }

  private record Snapshot(
      Assessment latest,
      List<AssessmentSummary> history,
      Map<String, Map<EntityKind, Integer>> kinds) {}

  private Snapshot snapshot() {
    List<AssessmentSummary> history = workspace.history();
    Assessment latest = workspace.latest().orElse(null);
    Map<String, Map<EntityKind, Integer>> kinds = new LinkedHashMap<>();
    if (latest != null) {
      workspace
          .graph(latest.id())
          .ifPresent(
              g -> {
                for (ScopeEntry s : latest.scope()) {
                  kinds.put(s.platform() + ":" + s.target(), new EnumMap<>(EntityKind.class));
                }
                for (Entity e : g.entities()) {
                  String platform = ResourceId.platformOf(e.id());
                  String scope = ResourceId.scopeOf(e.id());
                  String top = scope.contains("/") ? scope.substring(0, scope.indexOf('/')) : scope;
                  for (ScopeEntry s : latest.scope()) {
                    String key = s.platform() + ":" + s.target();
                    if (s.platform().equals(platform)
                        && (scope.equals(key) || scope.startsWith(key + "/") || top.equals(key))) {
                      kinds.get(key).merge(e.kind(), 1, Integer::sum);
                      break;
                    }
                  }
                }
              });
    }
    return new Snapshot(latest, history, kinds);
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
            .map(e -> e.target() + " (" + Texts.platform(e.platform()) + ")")
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
            .map(f -> new RiskRow(f.id(), f.severity(), f.title(), f.resource(), f.message()))
            .toList());
    trend.setAll(
        s.history().stream()
            .filter(h -> h.overall() != null && Workspace.sameScope(h.scope(), a.scope()))
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
    assessed.setAll(
        a.scope().stream()
            .map(
                e ->
                    new ScopeRow(
                        e.platform(),
                        e.target() + " · " + Texts.platform(e.platform()),
                        countsText(e.platform(), s.kinds().get(e.platform() + ":" + e.target()))))
            .toList());
    Map<String, GapRow> gaps = new LinkedHashMap<>();
    for (Finding f : a.findings()) {
      if (f.weakness().id().equals("coverage-gap")) {
        String what = String.valueOf(f.evidence().getOrDefault("what", f.title()));
        Object remedy = f.evidence().get("remedy");
        gaps.merge(
            what,
            new GapRow(what, 1, remedy == null ? "" : remedy.toString()),
            (x, y) -> new GapRow(x.what(), x.count() + 1, x.remedy()));
      }
    }
    List<GapRow> gapRows = new ArrayList<>(gaps.values());
    gapRows.sort(Comparator.comparing(GapRow::count).reversed());
    for (Pillar p : Pillar.values()) {
      PillarScore ps = a.score().pillar(p);
      if (ps == null || !ps.assessed()) {
        gapRows.add(
            new GapRow(
                "the "
                    + p.title().toLowerCase(java.util.Locale.ROOT)
                    + " pillar: no rule applied"
                    + " to anything in scope",
                0,
                ""));
      }
    }
    notAssessed.setAll(gapRows);
    blindSpots.set(a.coverage().blindSpots() > 0);
    int paths = a.attackPaths().size();
    pathCount.set(paths);
    attackPaths.set(attackPathsText(a));
    state.set(State.READY);
    status.set("");
  }

  private static String attackPathsText(Assessment a) {
    var e = a.exposure();
    int paths = a.attackPaths().size();
    if (paths == 0) {
      return e.entryPoints() == 0
          ? "Attack paths: no untrusted entry point found."
          : "Attack paths: no crown jewel reachable from "
              + Texts.count(e.entryPoints(), "entry point")
              + ".";
    }
    if (e.crownJewels() == 0) {
      // An assessment stored without the path analysis' summary: its paths only.
      return paths
          + (paths == 1 ? " attack path reaches" : " attack paths reach")
          + " a crown jewel; "
          + a.attackPaths().stream().filter(p -> p.severity() == Severity.CRITICAL).count()
          + " critical.";
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

  private static String countsText(String platform, Map<EntityKind, Integer> kinds) {
    if (kinds == null || kinds.isEmpty()) {
      return "no trust graph stored with this assessment";
    }
    List<String> parts = new ArrayList<>();
    for (EntityKind k :
        List.of(
            EntityKind.REPOSITORY,
            EntityKind.USER,
            EntityKind.TEAM,
            EntityKind.WORKFLOW,
            EntityKind.ENVIRONMENT,
            EntityKind.SECRET,
            EntityKind.VARIABLE,
            EntityKind.RUNNER,
            EntityKind.TOKEN,
            EntityKind.DEPLOY_KEY,
            EntityKind.WEBHOOK,
            EntityKind.CLOUD_ROLE,
            EntityKind.SERVICE_ACCOUNT,
            EntityKind.IMAGE)) {
      Integer n = kinds.get(k);
      if (n != null && n > 0) {
        String word =
            switch (k) {
              case REPOSITORY -> platform.equals("gitlab") ? "projects" : "repositories";
              case USER -> "people";
              case DEPLOY_KEY -> "deploy keys";
              case CLOUD_ROLE -> "roles";
              case SERVICE_ACCOUNT -> "service accounts";
              case IMAGE -> "images";
              default -> k.id().replace('-', ' ') + "s";
            };
        parts.add(Texts.number(n) + " " + (n == 1 ? singular(platform, k) : word));
      }
    }
    return parts.isEmpty() ? "nothing readable" : String.join(" · ", parts);
  }

  private static String singular(String platform, EntityKind k) {
    return switch (k) {
      case REPOSITORY -> platform.equals("gitlab") ? "project" : "repository";
      case USER -> "person";
      case CLOUD_ROLE -> "role";
      case SERVICE_ACCOUNT -> "service account";
      default -> k.id().replace('-', ' ');
    };
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
      if (Workspace.sameScope(h.scope(), a.scope())) {
        previous = h;
      }
    }
    if (previous == null || previous.overall() == null || a.score().overall() == null) {
      return "First assessment of this scope";
    }
    int d = a.score().overall() - previous.overall();
    return (d > 0 ? "▲ +" + d : d < 0 ? "▼ " + d : "No change") + " since the previous assessment";
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

  /** Whether the assessment has blind spots to look at. */
  public javafx.beans.property.BooleanProperty blindSpotsProperty() {
    return blindSpots;
  }

  public ObjectProperty<Integer> pathCountProperty() {
    return pathCount;
  }

  public ObservableList<ScopeRow> assessed() {
    return assessed;
  }

  public ObservableList<GapRow> notAssessed() {
    return notAssessed;
  }
}
