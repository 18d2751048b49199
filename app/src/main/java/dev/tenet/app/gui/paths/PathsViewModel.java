package dev.tenet.app.gui.paths;

import dev.tenet.app.gui.common.Messages;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.GraphService;
import dev.tenet.app.service.PathService;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.paths.Reach;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * The attack paths screen's state: the paths of an assessment, the drawing of the selected one with
 * the entities around it, its steps explained, and the blast radius of a clicked entity.
 */
public final class PathsViewModel {
  public enum State {
    LOADING,
    EMPTY,
    NO_PATHS,
    READY,
    ERROR
  }

  /** One path, as listed. */
  public record PathRow(
      String id, Severity severity, String entry, String target, int steps, String title) {}

  /** What a drawn entity is on the selected path. */
  public enum Role {
    ENTRY,
    TARGET,
    PATH,
    AROUND
  }

  /** One drawn entity. */
  public record GraphNode(String id, String kind, String label, Role role, int findings) {}

  /** One drawn relation. */
  public record GraphEdge(String from, String to, String label, boolean onPath) {}

  /** The drawing of a path and its surroundings. */
  public record PathGraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean graphStored) {}

  /** One step of the selected path, explained, with the fix that would cut it. */
  public record StepRow(
      int number, String from, String relation, String to, String because, String fix) {}

  /** One fix of the cut: the smallest set of fixes that closes every path. */
  public record FixRow(String action, String what, String resource, int closes) {}

  /** The entity clicked in the drawing. */
  public record NodeDetail(String id, String kind, String name, List<String> findings) {}

  /** One entity the clicked one reaches. */
  public record ReachRow(String id, String kind, String name, int steps, String via) {}

  /** Computes a blast radius: the attack-path engine's in the console, a stub in tests. */
  @FunctionalInterface
  public interface BlastRadius {
    List<ReachRow> of(String assessmentId, String entityId) throws Exception;
  }

  /** Entities drawn around each entity of the path. */
  static final int AROUND = 3;

  private final Workspace workspace;
  private final GraphService graphs;
  private final BlastRadius blastRadius;
  private final UiExecutor executor;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
  private final StringProperty status = new SimpleStringProperty("Loading the attack paths…");
  private final StringProperty summary = new SimpleStringProperty("");
  private final ObservableList<PathRow> paths = FXCollections.observableArrayList();
  private final StringProperty cutTitle = new SimpleStringProperty("");
  private final ObservableList<FixRow> fixes = FXCollections.observableArrayList();
  private final ObjectProperty<PathRow> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<PathGraph> graph = new SimpleObjectProperty<>();
  private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
  private final StringProperty graphStatus = new SimpleStringProperty("");
  private final ObjectProperty<NodeDetail> node = new SimpleObjectProperty<>();
  private final ObservableList<ReachRow> reach = FXCollections.observableArrayList();
  private final StringProperty reachStatus = new SimpleStringProperty("");

  private Assessment assessment;
  private Map<String, Finding> findingsById = Map.of();
  private Map<String, List<Finding>> findingsByResource = Map.of();
  private int selection;

  public PathsViewModel(
      Workspace workspace, GraphService graphs, BlastRadius blastRadius, UiExecutor executor) {
    this.workspace = workspace;
    this.graphs = graphs;
    this.blastRadius = blastRadius;
    this.executor = executor;
  }

  /**
   * The attack-path engine's blast radius (the path policy's view of who controls what): crown
   * jewels first, then the nearest.
   */
  public static BlastRadius engine(PathService paths) {
    return (assessmentId, entityId) ->
        paths.blastRadius(entityId, assessmentId).reach().reached().stream()
            .sorted(
                Comparator.comparing((Reach.Reached r) -> r.crownJewel() == null)
                    .thenComparing(r -> r.steps().size()))
            .map(
                r ->
                    new ReachRow(
                        r.id(),
                        r.kind(),
                        name(r.id())
                            + (r.crownJewel() == null ? "" : " · crown jewel: " + r.crownJewel()),
                        r.steps().size(),
                        String.join(
                            " → ", r.steps().stream().map(AttackPath.Hop::relation).toList())))
            .toList();
  }

  public void load() {
    state.set(State.LOADING);
    status.set("Loading the attack paths…");
    executor.run(() -> workspace.latest().orElse(null), this::show, this::fail);
  }

  /** Shows an assessment's paths (the latest one's, normally). */
  public void show(Assessment a) {
    assessment = a;
    paths.clear();
    fixes.clear();
    cutTitle.set("");
    steps.clear();
    graph.set(null);
    node.set(null);
    reach.clear();
    reachStatus.set("");
    if (a == null) {
      state.set(State.EMPTY);
      status.set("No assessment yet: scan first (or run the demo) to look for attack paths.");
      return;
    }
    Map<String, Finding> byId = new HashMap<>();
    Map<String, List<Finding>> byResource = new HashMap<>();
    for (Finding f : a.findings()) {
      byId.put(f.id(), f);
      byResource.computeIfAbsent(f.resource(), k -> new ArrayList<>()).add(f);
    }
    findingsById = byId;
    findingsByResource = byResource;
    List<PathRow> rows =
        a.attackPaths().stream()
            .sorted(Comparator.comparing(AttackPath::severity).thenComparing(AttackPath::id))
            .map(
                p ->
                    new PathRow(
                        p.id(),
                        p.severity(),
                        p.entry(),
                        p.target(),
                        p.hops().size(),
                        shortName(p.entry()) + "  →  " + shortName(p.target())))
            .toList();
    long critical = rows.stream().filter(r -> r.severity() == Severity.CRITICAL).count();
    Exposure e = a.exposure();
    summary.set(
        Texts.count(rows.size(), "attack path")
            + (critical > 0 ? " · " + critical + " critical" : "")
            + " · "
            + Texts.count(e.entryPoints(), "untrusted entry point")
            + " · "
            + e.reachableJewels()
            + " of "
            + Texts.count(e.crownJewels(), "crown jewel")
            + " reachable · assessment "
            + a.id());
    int n = e.cut().size();
    cutTitle.set(
        n == 0
            ? ""
            : e.cutClosesAll()
                ? (n == 1 ? "One fix closes" : n + " fixes close")
                    + " all "
                    + rows.size()
                    + " paths"
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
    if (rows.isEmpty()) {
      state.set(State.NO_PATHS);
      status.set(
          "This assessment lists no chain of trust relations from an untrusted entry point to a"
              + " crown jewel"
              + (e.entryPoints() == 0
                  ? ": Tenet found no untrusted entry point."
                  : " (" + Texts.count(e.entryPoints(), "entry point") + ", none reaches one)."));
      return;
    }
    paths.setAll(rows);
    state.set(State.READY);
    status.set("");
    select(rows.get(0));
  }

  /** Draws a path and the entities around it; explains its steps. */
  public void select(PathRow row) {
    if (row == null || assessment == null) {
      return;
    }
    selected.set(row);
    node.set(null);
    reach.clear();
    reachStatus.set("Click an entity in the drawing to see what it reaches.");
    AttackPath p =
        assessment.attackPaths().stream()
            .filter(x -> x.id().equals(row.id()))
            .findFirst()
            .orElse(null);
    if (p == null) {
      return;
    }
    List<StepRow> list = new ArrayList<>();
    int n = 1;
    for (AttackPath.Hop h : p.hops()) {
      list.add(
          new StepRow(
              n++,
              h.from(),
              h.relation(),
              h.to(),
              because(h.because(), h.fact()),
              h.fix() == null ? "" : h.fix()));
    }
    steps.setAll(list);
    Set<String> onPath = new LinkedHashSet<>();
    onPath.add(p.entry());
    for (AttackPath.Hop h : p.hops()) {
      onPath.add(h.from());
      onPath.add(h.to());
    }
    onPath.add(p.target());
    String id = assessment.id();
    int mine = ++selection;
    graphStatus.set("Drawing…");
    executor.run(
        () -> graphs.around(id, onPath, AROUND),
        around -> {
          if (mine == selection) {
            graph.set(drawing(p, onPath, around));
            graphStatus.set(
                around.graphStored()
                    ? ""
                    : "This assessment was stored without its trust graph: only the path is drawn.");
          }
        },
        e -> graphStatus.set(Messages.of(e)));
  }

  private PathGraph drawing(AttackPath p, Set<String> onPath, GraphService.Neighbourhood around) {
    List<GraphNode> nodes = new ArrayList<>();
    for (GraphService.Node n : around.nodes()) {
      Role role =
          n.id().equals(p.entry())
              ? Role.ENTRY
              : n.id().equals(p.target())
                  ? Role.TARGET
                  : onPath.contains(n.id()) ? Role.PATH : Role.AROUND;
      int count = findingsByResource.getOrDefault(n.id(), List.of()).size();
      nodes.add(new GraphNode(n.id(), n.kind(), n.name(), role, count));
    }
    Set<String> pathEdges = new LinkedHashSet<>();
    List<GraphEdge> edges = new ArrayList<>();
    for (AttackPath.Hop h : p.hops()) {
      if (pathEdges.add(h.from() + "|" + h.to())) {
        edges.add(new GraphEdge(h.from(), h.to(), h.relation(), true));
      }
    }
    for (GraphService.Edge e : around.edges()) {
      if (!pathEdges.contains(e.from() + "|" + e.to())
          && !pathEdges.contains(e.to() + "|" + e.from())) {
        edges.add(new GraphEdge(e.from(), e.to(), e.relation(), false));
      }
    }
    return new PathGraph(nodes, edges, around.graphStored());
  }

  private String because(String because, String fact) {
    Finding f = because == null ? null : findingsById.get(because);
    if (f == null) {
      return fact == null || fact.isBlank() ? (because == null ? "" : because) : fact;
    }
    return f.title() + " (" + f.resource() + ")";
  }

  /** Shows an entity of the drawing and, in the background, what it reaches. */
  public void selectNode(String id) {
    PathGraph g = graph.get();
    if (g == null || id == null || assessment == null) {
      return;
    }
    GraphNode n = g.nodes().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    if (n == null) {
      return;
    }
    node.set(
        new NodeDetail(
            n.id(),
            n.kind(),
            n.label(),
            findingsByResource.getOrDefault(n.id(), List.of()).stream()
                .sorted(Comparator.comparing(Finding::severity))
                .map(f -> Texts.title(f.severity()) + " · " + f.title())
                .toList()));
    reach.clear();
    reachStatus.set("Computing the blast radius of " + n.label() + "…");
    String assessmentId = assessment.id();
    executor.run(
        () -> blastRadius.of(assessmentId, id),
        rows -> {
          if (node.get() != null && node.get().id().equals(id)) {
            reach.setAll(rows);
            reachStatus.set(
                rows.isEmpty()
                    ? n.label() + " grants control over nothing else in the graph."
                    : n.label()
                        + " reaches "
                        + Texts.count(rows.size(), "entity", "entities")
                        + " through the trust relations Tenet read.");
          }
        },
        e -> reachStatus.set(Messages.of(e)));
  }

  /** "alice" from github:acme#member/alice; "acme/web" from github:acme/web. */
  static String name(String id) {
    try {
      ResourceId r = ResourceId.parse(id);
      return r.kind() == null ? r.scope() : r.name();
    } catch (IllegalArgumentException e) {
      return id;
    }
  }

  /** "member" from github:acme#member/alice; "repository" from github:acme/web. */
  static String kind(String id) {
    try {
      ResourceId r = ResourceId.parse(id);
      return r.kind() != null ? r.kind() : r.scope().contains("/") ? "repository" : "organization";
    } catch (IllegalArgumentException e) {
      return "entity";
    }
  }

  /** "alice (member)" from github:acme#member/alice; "acme/web" from github:acme/web. */
  static String shortName(String id) {
    try {
      ResourceId r = ResourceId.parse(id);
      return r.kind() == null ? r.scope() : r.name() + " (" + r.kind() + ")";
    } catch (IllegalArgumentException e) {
      return id;
    }
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

  public ObservableList<PathRow> paths() {
    return paths;
  }

  public StringProperty cutTitleProperty() {
    return cutTitle;
  }

  public ObservableList<FixRow> fixes() {
    return fixes;
  }

  public ObjectProperty<PathRow> selectedProperty() {
    return selected;
  }

  public ObjectProperty<PathGraph> graphProperty() {
    return graph;
  }

  public ObservableList<StepRow> steps() {
    return steps;
  }

  public StringProperty graphStatusProperty() {
    return graphStatus;
  }

  public ObjectProperty<NodeDetail> nodeProperty() {
    return node;
  }

  public ObservableList<ReachRow> reach() {
    return reach;
  }

  public StringProperty reachStatusProperty() {
    return reachStatus;
  }
}
