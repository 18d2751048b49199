package dev.tenet.app.gui.paths;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Icons;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.paths.PathsViewModel.FixRow;
import dev.tenet.app.gui.paths.PathsViewModel.NodeDetail;
import dev.tenet.app.gui.paths.PathsViewModel.PathRow;
import dev.tenet.app.gui.paths.PathsViewModel.ReachRow;
import dev.tenet.app.gui.paths.PathsViewModel.State;
import dev.tenet.app.gui.paths.PathsViewModel.StepRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The attack paths screen: binds to its ViewModel, holds no logic. */
public final class PathsView extends BorderPane {
  private final PathsViewModel model;
  private final Navigator navigator;
  private final PathGraphView drawing = new PathGraphView();
  private final VBox nodeBox = new VBox(10);

  public PathsView(PathsViewModel model, Navigator navigator) {
    this.model = model;
    this.navigator = navigator;
    getStyleClass().add("attack-paths");

    Label title = Views.title("Attack paths", "title-2");
    Label summary = Views.muted("");
    summary.setId("paths-summary");
    summary.textProperty().bind(model.summaryProperty());
    VBox top = new VBox(2, title, summary);

    Button scan = Views.button("Scan", "mdi2r-radar");
    scan.setOnAction(e -> navigator.scan(false));
    Button findings = Views.button("Open the findings", "mdi2f-format-list-bulleted");
    findings.setOnAction(e -> navigator.findings(null));
    StackPane states =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message(
                    "mdi2g-graph-outline", "No assessment yet", model.statusProperty(), scan),
                model.stateProperty().isEqualTo(State.EMPTY)),
            Views.showWhen(
                Views.message(
                    "mdi2s-shield-check-outline",
                    "No attack path found",
                    model.statusProperty(),
                    findings),
                model.stateProperty().isEqualTo(State.NO_PATHS)),
            Views.showWhen(
                Views.message(
                    "mdi2a-alert-circle-outline",
                    "The attack paths could not be loaded",
                    model.statusProperty()),
                model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(ready(), model.stateProperty().isEqualTo(State.READY)));
    VBox.setVgrow(states, Priority.ALWAYS);
    VBox root = new VBox(16, top, states);
    root.setPadding(new Insets(24, 24, 16, 24));
    setCenter(root);
  }

  private Node ready() {
    ListView<PathRow> list = new ListView<>(model.paths());
    list.setId("paths-list");
    list.setCellFactory(v -> new PathCell());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, p) -> {
              if (p != null && p != model.selectedProperty().get()) {
                model.select(p);
              }
            });
    model
        .selectedProperty()
        .addListener(
            (o, a, p) -> {
              if (p != null && list.getSelectionModel().getSelectedItem() != p) {
                list.getSelectionModel().select(p);
              }
            });
    list.setMinWidth(200);
    list.setPrefWidth(230);

    drawing.setId("path-graph");
    drawing.setOnSelect(model::selectNode);
    drawing.setMinSize(300, 260);
    model.graphProperty().addListener((o, a, g) -> drawing.show(g));
    Button in = iconButton("mdi2m-magnify-plus-outline", "Zoom in (+)", drawing::zoomIn);
    in.setId("graph-zoom-in");
    Button out = iconButton("mdi2m-magnify-minus-outline", "Zoom out (−)", drawing::zoomOut);
    out.setId("graph-zoom-out");
    Button fit = iconButton("mdi2f-fit-to-screen-outline", "Fit to view (0)", drawing::fit);
    Label hint =
        Views.muted(
            "Scroll to zoom, drag to move, click an entity for its blast radius (keys: + − 0).");
    Label graphStatus = Views.muted("");
    graphStatus.textProperty().bind(model.graphStatusProperty());
    Views.showWhen(graphStatus, model.graphStatusProperty().isNotEmpty());
    HBox toolbar = new HBox(4, in, out, fit, Views.spacer());
    toolbar.setAlignment(Pos.CENTER_LEFT);
    legend(toolbar);
    StackPane canvas = new StackPane(drawing);
    canvas.getStyleClass().add("graph-canvas");
    VBox.setVgrow(canvas, Priority.ALWAYS);

    TableView<StepRow> steps = new TableView<>(model.steps());
    steps.setId("path-steps");
    steps.getStyleClass().add(Styles.DENSE);
    steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    TableColumn<StepRow, String> number = col("#", 32, r -> String.valueOf(r.number()));
    number.setMaxWidth(40);
    steps.getColumns().add(number);
    steps
        .getColumns()
        .add(
            col(
                "Step",
                300,
                r ->
                    PathsViewModel.shortName(r.from())
                        + "  —"
                        + r.relation()
                        + "→  "
                        + PathsViewModel.shortName(r.to())));
    steps.getColumns().add(col("Because", 260, StepRow::because));
    steps.getColumns().add(col("Fix that cuts it", 220, StepRow::fix));
    steps.setPrefHeight(150);
    steps.setMinHeight(120);
    steps.setPlaceholder(Views.muted("Select a path."));
    VBox center = new VBox(8, toolbar, canvas, hint, graphStatus, steps);
    center.setPadding(new Insets(0, 12, 0, 12));

    nodeBox.setPadding(new Insets(4, 8, 4, 8));
    nodeBox.setId("path-node");
    model.nodeProperty().addListener((o, a, n) -> renderNode());
    model.reach().addListener((javafx.collections.ListChangeListener<ReachRow>) c -> renderNode());
    model.reachStatusProperty().addListener((o, a, b) -> renderNode());
    renderNode();
    ScrollPane right = new ScrollPane(nodeBox);
    right.setFitToWidth(true);
    right.setMinWidth(220);
    right.setPrefWidth(260);

    SplitPane split = new SplitPane(list, center, right);
    split.setDividerPositions(0.2, 0.77);
    SplitPane.setResizableWithParent(list, false);
    SplitPane.setResizableWithParent(right, false);
    VBox.setVgrow(split, Priority.ALWAYS);
    return new VBox(12, cut(), split);
  }

  /** The cut: the fewest fixes that close every path, each with how many paths it closes. */
  private Node cut() {
    Label title = new Label();
    title.setId("paths-cut-title");
    title.getStyleClass().add("section-title");
    title.textProperty().bind(model.cutTitleProperty());
    TableView<FixRow> table = new TableView<>(model.fixes());
    table.setId("paths-cut");
    table.getStyleClass().add(Styles.DENSE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.getColumns().add(fixCol("Fix", 320, FixRow::action));
    table.getColumns().add(fixCol("Because of", 260, FixRow::what));
    table.getColumns().add(fixCol("Where", 220, r -> r.resource() == null ? "" : r.resource()));
    TableColumn<FixRow, String> closes = fixCol("Closes", 70, r -> Texts.count(r.closes(), "path"));
    closes.setMaxWidth(90);
    table.getColumns().add(closes);
    table.setFixedCellSize(26);
    table
        .prefHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.min(3, javafx.beans.binding.Bindings.size(model.fixes()))
                .multiply(26)
                .add(30));
    // Up to three fixes stay visible however much room the drawing wants; the rest scroll.
    table.minHeightProperty().bind(table.prefHeightProperty());
    VBox box = new VBox(6, title, table);
    Views.showWhen(box, model.cutTitleProperty().isNotEmpty());
    return box;
  }

  private static TableColumn<FixRow, String> fixCol(
      String name, double width, java.util.function.Function<FixRow, String> value) {
    TableColumn<FixRow, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private static void legend(HBox toolbar) {
    // The legend says what the ring colours mean.
    for (String[] item :
        new String[][] {
          {"legend-entry", "entry point"}, {"legend-path", "on the path"},
          {"legend-target", "crown jewel"}, {"legend-around", "around"}
        }) {
      javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(5);
      dot.getStyleClass().add(item[0]);
      Label l = new Label(item[1], dot);
      l.getStyleClass().add("legend-item");
      l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      toolbar.getChildren().add(l);
    }
  }

  private static Button iconButton(String icon, String tip, Runnable action) {
    Button b = new Button(null, new FontIcon(icon));
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

  private static TableColumn<StepRow, String> col(
      String name, double width, java.util.function.Function<StepRow, String> value) {
    TableColumn<StepRow, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private void renderNode() {
    nodeBox.getChildren().clear();
    NodeDetail n = model.nodeProperty().get();
    if (n == null) {
      nodeBox
          .getChildren()
          .add(
              Views.muted(
                  "Click an entity in the drawing to see its findings and its blast radius:"
                      + " everything it can act on through the trust relations."));
      return;
    }
    FontIcon icon = new FontIcon(Icons.forKind(n.kind()));
    icon.setIconSize(22);
    Label name = Views.title(n.name(), "title-4");
    name.setId("node-name");
    HBox head = new HBox(8, icon, name);
    head.setAlignment(Pos.CENTER_LEFT);
    Label id = Views.muted(n.kind() + " · " + n.id());
    nodeBox.getChildren().addAll(head, id);
    if (!n.findings().isEmpty()) {
      Label f = new Label("Findings on it (" + n.findings().size() + ")");
      f.getStyleClass().add("section-title");
      nodeBox.getChildren().add(f);
      n.findings().stream()
          .limit(6)
          .forEach(
              t -> {
                Label l = new Label(t);
                l.setWrapText(true);
                nodeBox.getChildren().add(l);
              });
      Hyperlink all = new Hyperlink("Show in Findings");
      all.setOnAction(e -> navigator.findings(n.id()));
      nodeBox.getChildren().add(all);
    }
    Label br = new Label("Blast radius");
    br.getStyleClass().add("section-title");
    Label status = new Label();
    status.setId("reach-status");
    status.setWrapText(true);
    status.textProperty().bind(model.reachStatusProperty());
    nodeBox.getChildren().addAll(br, status);
    VBox items = new VBox(6);
    items.setId("reach-list");
    int shown = 0;
    for (ReachRow r : model.reach()) {
      if (shown++ == 40) {
        items.getChildren().add(Views.muted("… and " + (model.reach().size() - 40) + " more."));
        break;
      }
      FontIcon k = new FontIcon(Icons.forKind(r.kind()));
      Label what = new Label(r.name());
      what.getStyleClass().add("text-bold");
      Label via = Views.muted(r.kind() + " · " + Texts.count(r.steps(), "step") + " · " + r.via());
      VBox text = new VBox(1, what, via);
      HBox line = new HBox(8, k, text);
      line.setAlignment(Pos.TOP_LEFT);
      Tooltip.install(line, new Tooltip(r.id()));
      items.getChildren().add(line);
    }
    nodeBox.getChildren().add(items);
  }

  private static final class PathCell extends ListCell<PathRow> {
    @Override
    protected void updateItem(PathRow p, boolean empty) {
      super.updateItem(p, empty);
      if (empty || p == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Label from = new Label(PathsViewModel.name(p.entry()));
      from.getStyleClass().add("text-bold");
      Label to = new Label("→ " + PathsViewModel.name(p.target()));
      to.getStyleClass().add("text-bold");
      Label kinds =
          Views.muted(PathsViewModel.kind(p.entry()) + " → " + PathsViewModel.kind(p.target()));
      VBox title = new VBox(1, from, to, kinds);
      Label steps = Views.muted(Texts.count(p.steps(), "step"));
      HBox head = new HBox(8, Views.severityChip(p.severity()), steps);
      head.setAlignment(Pos.CENTER_LEFT);
      VBox box = new VBox(4, head, title);
      box.setPadding(new Insets(4, 0, 4, 0));
      Tooltip.install(box, new Tooltip(p.entry() + "\n→ " + p.target()));
      setText(null);
      setGraphic(box);
    }
  }
}
