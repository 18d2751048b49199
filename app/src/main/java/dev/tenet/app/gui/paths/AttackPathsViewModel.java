package dev.tenet.app.gui.paths;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.PathService;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Severity;
import dev.tenet.core.paths.Reach;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The attack paths screen's state: the latest assessment's paths, the cut that closes them, the
 * steps of the selected path, and blast radius queries.
 */
public final class AttackPathsViewModel {
  public enum State {
    LOADING,
    EMPTY,
    NO_PATHS,
    READY,
    ERROR
  }

  /** One fix of the cut. */
  public record FixRow(String action, String what, String resource, int closes) {}

  /** One attack path, as listed. */
  public record PathRow(
      String id,
      Severity severity,
      String entry,
      String entryPoint,
      String target,
      String crownJewel,
      int steps) {}

  /** One step of the selected path (or of a blast radius chain). */
  public record HopRow(String from, String relation, String to, String because, String fix) {}

  /** One thing a principal reaches. */
  public record ReachRow(String id, String kind, String level, String crownJewel, int steps) {}

  private final Workspace workspace;
  private final PathService paths;
  private final UiExecutor executor;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the attack paths…");
  private final StringProperty summary = new SimpleStringProperty("");
  private final StringProperty cutTitle = new SimpleStringProperty("");
  private final ObservableList<FixRow> fixes = FXCollections.observableArrayList();
  private final ObservableList<PathRow> pathRows = FXCollections.observableArrayList();
  private final ObservableList<HopRow> hops = FXCollections.observableArrayList();
  private final StringProperty selectedTitle = new SimpleStringProperty("");
  private final StringProperty reachStatus = new SimpleStringProperty("");
  private final ObservableList<ReachRow> reach = FXCollections.observableArrayList();
  private Assessment assessment;
  private Map<String, Finding> findings = Map.of();

  public AttackPathsViewModel(Workspace workspace, PathService paths, UiExecutor executor) {
    this.workspace = workspace;
    this.paths = paths;
    this.executor = executor;
  }

  /** Loads the latest assessment's paths in the background. */
  public void load() {
    state.set(State.LOADING);
    status.set("Loading the attack paths…");
    executor.run(() -> workspace.latest().orElse(null), this::show, this::fail);
  }

  private void show(Assessment a) {
    assessment = a;
    hops.clear();
    selectedTitle.set("");
    if (a == null) {
      state.set(State.EMPTY);
      status.set("No assessment yet: run a scan (or the demo) from the dashboard.");
      return;
    }
    Map<String, Finding> byId = new HashMap<>();
    a.findings().forEach(f -> byId.put(f.id(), f));
    findings = byId;
    Exposure e = a.exposure();
    summary.set(
        e.entryPoints()
            + (e.entryPoints() == 1 ? " untrusted entry point · " : " untrusted entry points · ")
            + e.reachableJewels()
            + " of "
            + e.crownJewels()
            + " crown jewels reachable · "
            + e.pathsFound()
            + (e.pathsFound() == 1 ? " attack path · assessment " : " attack paths · assessment ")
            + a.id());
    if (e.pathsFound() == 0) {
      state.set(State.NO_PATHS);
      status.set(
          e.entryPoints() == 0
              ? "No untrusted entry point was found in the trust graph."
              : "No crown jewel is reachable from an untrusted entry point.");
      fixes.clear();
      pathRows.clear();
      return;
    }
    int n = e.cut().size();
    cutTitle.set(
        e.cutClosesAll()
            ? (n == 1 ? "One fix closes" : n + " fixes close") + " all " + e.pathsFound() + " paths"
            : n + " fixes close the paths that can be cut; some have no step Tenet can cut");
    fixes.setAll(
        e.cut().stream()
            .map(
                f ->
                    new FixRow(
                        f.action(),
                        (f.finding() ? "Finding: " : "Fact: ") + f.title(),
                        f.resource(),
                        f.closes()))
            .toList());
    pathRows.setAll(
        a.attackPaths().stream()
            .map(
                p ->
                    new PathRow(
                        p.id(),
                        p.severity(),
                        p.entry(),
                        p.entryPoint(),
                        p.target(),
                        p.crownJewel(),
                        p.hops().size()))
            .toList());
    state.set(State.READY);
    status.set("");
    if (!pathRows.isEmpty()) {
      select(pathRows.get(0));
    }
  }

  /** Shows the steps of a path. */
  public void select(PathRow row) {
    if (assessment == null || row == null) {
      return;
    }
    AttackPath p =
        assessment.attackPaths().stream()
            .filter(x -> x.id().equals(row.id()))
            .findFirst()
            .orElse(null);
    if (p == null) {
      return;
    }
    selectedTitle.set(p.entry() + "  →  " + p.target());
    hops.setAll(p.hops().stream().map(this::row).toList());
  }

  private HopRow row(AttackPath.Hop h) {
    Finding f = findings.get(h.because());
    String because = f == null ? h.fact() : f.title() + " — " + h.fact();
    return new HopRow(h.from(), h.relation(), h.to(), because, h.fix());
  }

  /** Everything a resource (an id, or a unique end of one) reaches, in the background. */
  public void blastRadius(String resource) {
    if (resource == null || resource.isBlank() || assessment == null) {
      return;
    }
    String id = assessment.id();
    reachStatus.set("Computing…");
    executor.run(
        () -> paths.blastRadius(resource.strip(), id).reach(),
        this::showReach,
        e -> {
          reach.clear();
          reachStatus.set(Messages.of(e));
        });
  }

  private void showReach(Reach r) {
    long jewels = r.crownJewels();
    reachStatus.set(
        r.principal()
            + " reaches "
            + r.reached().size()
            + " resources, "
            + jewels
            + " crown jewel"
            + (jewels == 1 ? "" : "s"));
    List<ReachRow> rows =
        r.reached().stream()
            .sorted(
                (a, b) ->
                    Boolean.compare(a.crownJewel() == null, b.crownJewel() == null) != 0
                        ? Boolean.compare(a.crownJewel() == null, b.crownJewel() == null)
                        : Integer.compare(a.steps().size(), b.steps().size()))
            .map(x -> new ReachRow(x.id(), x.kind(), x.level(), x.crownJewel(), x.steps().size()))
            .toList();
    reach.setAll(rows);
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

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty cutTitleProperty() {
    return cutTitle;
  }

  public ObservableList<FixRow> fixes() {
    return fixes;
  }

  public ObservableList<PathRow> paths() {
    return pathRows;
  }

  public ObservableList<HopRow> hops() {
    return hops;
  }

  public StringProperty selectedTitleProperty() {
    return selectedTitle;
  }

  public StringProperty reachStatusProperty() {
    return reachStatus;
  }

  public ObservableList<ReachRow> reach() {
    return reach;
  }
}
