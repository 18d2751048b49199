package dev.tenet.app.gui.trends;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Texts;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.trends.TrendsViewModel.Change;
import dev.tenet.app.gui.trends.TrendsViewModel.Churn;
import dev.tenet.app.gui.trends.TrendsViewModel.Movement;
import dev.tenet.app.gui.trends.TrendsViewModel.Point;
import dev.tenet.app.gui.trends.TrendsViewModel.State;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.model.Pillar;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The trends screen: binds to its ViewModel, holds no logic. */
public final class TrendsView extends ScrollPane {
  private final TrendsViewModel model;
  private final CategoryAxis scoreAxis = new CategoryAxis();
  private final CategoryAxis churnAxis = new CategoryAxis();
  private final LineChart<String, Number> scores;
  private final BarChart<String, Number> churn;

  public TrendsView(TrendsViewModel model, Navigator navigator) {
    this.model = model;
    getStyleClass().add("trends");
    setFitToWidth(true);

    Label title = Views.title("Trends", "title-2");
    ComboBox<TrendsViewModel.ScopeChoice> scope = new ComboBox<>(model.scopes());
    scope.setId("trends-scope");
    scope.valueProperty().bindBidirectional(model.scopeProperty());
    Label scopeLabel = Views.muted("Scope");
    // The scope list may be long; the title and its label keep their width.
    title.setMinWidth(Region.USE_PREF_SIZE);
    scopeLabel.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(12, title, Views.spacer(), scopeLabel, scope);
    top.setAlignment(Pos.CENTER_LEFT);

    NumberAxis y = new NumberAxis(0, 104, 20);
    // A little headroom keeps the 100 line off the edge; its tick is not a score.
    y.setTickLabelFormatter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Number n) {
            return n.intValue() > 100 ? "" : Integer.toString(n.intValue());
          }

          @Override
          public Number fromString(String s) {
            return Integer.valueOf(s);
          }
        });
    y.setLabel("Score");
    scoreAxis.setAnimated(false);
    scores = new LineChart<>(scoreAxis, y);
    scores.setId("trends-scores");
    scores.setTitle("Scores over time");
    scores.setAnimated(false);
    scores.setCreateSymbols(true);
    scores.setPrefHeight(320);
    scores.setLegendVisible(true);
    NumberAxis count = new NumberAxis();
    count.setLabel("Findings");
    count.setMinorTickVisible(false);
    // Findings are counted in whole numbers: no 0.5 ticks when there are only a few.
    count.setTickLabelFormatter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? Texts.number(n.longValue()) : "";
          }

          @Override
          public Number fromString(String s) {
            return Long.valueOf(s.replace(",", ""));
          }
        });
    churnAxis.setAnimated(false);
    churn = new BarChart<>(churnAxis, count);
    churn.setBarGap(2);
    churn.widthProperty().addListener((o, a, b) -> sizeBars());
    churn.setId("trends-churn");
    churn.setTitle("Findings opened and resolved");
    churn.setAnimated(false);
    churn.setPrefHeight(260);
    Label churnNote = Views.muted("");
    churnNote.textProperty().bind(model.churnNoteProperty());

    model.points().addListener((ListChangeListener<Point>) c -> renderScores());
    model.churn().addListener((ListChangeListener<Churn>) c -> renderChurn());

    Button scan = Views.button("Scan", "mdi2r-radar");
    scan.setOnAction(e -> navigator.scan(false));
    StackPane states =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message("mdi2c-chart-line", "No history yet", model.statusProperty(), scan),
                model.stateProperty().isEqualTo(State.EMPTY)),
            Views.showWhen(
                Views.message(
                    "mdi2a-alert-circle-outline",
                    "The history could not be loaded",
                    model.statusProperty()),
                model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(
                new VBox(
                    20,
                    Views.card(new VBox(scores)),
                    Views.card(
                        new VBox(
                            6,
                            Views.showWhen(
                                churn, javafx.beans.binding.Bindings.isNotEmpty(model.churn())),
                            churnNote)),
                    compare()),
                model.stateProperty().isEqualTo(State.READY)));
    VBox root = new VBox(20, top, states);
    root.setPadding(new Insets(24));
    setContent(root);
  }

  private Node compare() {
    Label heading = Views.title("Compare two assessments", "title-4");
    ComboBox<AssessmentSummary> from = assessmentBox("compare-from");
    ComboBox<AssessmentSummary> to = assessmentBox("compare-to");
    from.valueProperty().bindBidirectional(model.fromProperty());
    to.valueProperty().bindBidirectional(model.toProperty());
    from.setOnAction(e -> compareIfChanged(from, to));
    to.setOnAction(e -> compareIfChanged(from, to));
    HBox pick = new HBox(10, from, new Label("→"), to);
    pick.setAlignment(Pos.CENTER_LEFT);
    Label summary = new Label();
    summary.setId("compare-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.diffSummaryProperty());

    TableView<Movement> movement = new TableView<>(model.movements());
    movement.setId("compare-movement");
    movement.getStyleClass().add(Styles.DENSE);
    movement.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    movement.setFixedCellSize(30);
    movement.setPrefHeight(30 * 7 + 34);
    movement.setMinWidth(360);
    movement.setMaxWidth(420);
    TableColumn<Movement, String> pillar = new TableColumn<>("Score");
    pillar.setMinWidth(130);
    pillar.setPrefWidth(140);
    pillar.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().pillar()));
    TableColumn<Movement, String> a = new TableColumn<>("Before");
    a.setCellValueFactory(d -> new ReadOnlyStringWrapper(number(d.getValue().from())));
    TableColumn<Movement, String> b = new TableColumn<>("After");
    b.setCellValueFactory(d -> new ReadOnlyStringWrapper(number(d.getValue().to())));
    TableColumn<Movement, Movement> delta = new TableColumn<>("Change");
    delta.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    delta.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Movement m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().removeAll("delta-up", "delta-down");
                if (empty || m == null) {
                  setText(null);
                  return;
                }
                setText(Texts.delta(m.delta()));
                if (m.delta() != null && m.delta() > 0) {
                  getStyleClass().add("delta-up");
                } else if (m.delta() != null && m.delta() < 0) {
                  getStyleClass().add("delta-down");
                }
              }
            });
    movement.getColumns().add(pillar);
    movement.getColumns().add(a);
    movement.getColumns().add(b);
    movement.getColumns().add(delta);

    TabPane lists = new TabPane();
    lists.setId("compare-lists");
    lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    lists
        .getTabs()
        .addAll(
            tab("New", "compare-new", model.added()),
            tab("Resolved", "compare-resolved", model.resolved()),
            tab("Changed severity", "compare-changed", model.changed()),
            tab("Unverified", "compare-unverified", model.unverified()));
    lists.setPrefHeight(300);
    // Open the first list that has something in it.
    model
        .diffSummaryProperty()
        .addListener(
            (o, was, now) -> {
              for (Tab t : lists.getTabs()) {
                if (!((TableView<?>) t.getContent()).getItems().isEmpty()) {
                  lists.getSelectionModel().select(t);
                  break;
                }
              }
            });
    HBox.setHgrow(lists, Priority.ALWAYS);
    HBox body = new HBox(16, movement, lists);
    return Views.card(new VBox(12, heading, pick, summary, body));
  }

  private void compareIfChanged(ComboBox<AssessmentSummary> from, ComboBox<AssessmentSummary> to) {
    model.compare(from.getValue(), to.getValue());
  }

  private ComboBox<AssessmentSummary> assessmentBox(String id) {
    ComboBox<AssessmentSummary> box = new ComboBox<>(model.comparable());
    box.setId(id);
    box.setCellFactory(v -> new AssessmentCell());
    box.setButtonCell(new AssessmentCell());
    box.setPromptText("Assessment");
    return box;
  }

  private static Tab tab(String name, String id, ObservableList<Change> items) {
    TableView<Change> table = new TableView<>(items);
    table.setId(id);
    table.getStyleClass().add(Styles.DENSE);
    table.setPlaceholder(Views.muted("None."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    TableColumn<Change, Change> sev = new TableColumn<>("Severity");
    sev.setPrefWidth(90);
    sev.setMinWidth(90);
    sev.setMaxWidth(110);
    sev.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
    sev.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(Change ch, boolean empty) {
                super.updateItem(ch, empty);
                setText(null);
                setGraphic(empty || ch == null ? null : Views.severityChip(ch.severity()));
              }
            });
    TableColumn<Change, String> title = new TableColumn<>("Finding");
    title.setPrefWidth(260);
    title.setCellValueFactory(
        d ->
            new ReadOnlyStringWrapper(
                d.getValue().title()
                    + (d.getValue().note().isEmpty() ? "" : " (" + d.getValue().note() + ")")));
    TableColumn<Change, String> resource = new TableColumn<>("Resource");
    resource.setPrefWidth(280);
    resource.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().resource()));
    table.getColumns().add(sev);
    table.getColumns().add(title);
    table.getColumns().add(resource);
    Tab tab = new Tab();
    tab.setContent(table);
    tab.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> name + " (" + items.size() + ")", items));
    return tab;
  }

  private static String number(Integer n) {
    return n == null ? "n/a" : String.valueOf(n);
  }

  private void renderScores() {
    scores.getData().clear();
    // Categories set explicitly: a CategoryAxis left to itself misplaces them after a reload.
    scoreAxis.setCategories(
        javafx.collections.FXCollections.observableArrayList(
            model.points().stream().map(Point::label).toList()));
    XYChart.Series<String, Number> overall = new XYChart.Series<>();
    overall.setName("Overall");
    for (Point p : model.points()) {
      if (p.overall() != null) {
        overall.getData().add(new XYChart.Data<>(p.label(), p.overall()));
      }
    }
    scores.getData().add(overall);
    for (Pillar pillar : Pillar.values()) {
      XYChart.Series<String, Number> s = new XYChart.Series<>();
      s.setName(pillar.title());
      for (Point p : model.points()) {
        Integer v = p.pillars() == null ? null : p.pillars().get(pillar);
        if (v != null) {
          s.getData().add(new XYChart.Data<>(p.label(), v));
        }
      }
      scores.getData().add(s);
    }
    if (!scores.getData().isEmpty() && overall.getNode() != null) {
      overall.getNode().getStyleClass().add("overall-series");
    }
  }

  private void renderChurn() {
    churn.getData().clear();
    churnAxis.setCategories(
        javafx.collections.FXCollections.observableArrayList(
            model.churn().stream().map(Churn::label).toList()));
    sizeBars();
    XYChart.Series<String, Number> opened = new XYChart.Series<>();
    opened.setName("Opened");
    XYChart.Series<String, Number> resolved = new XYChart.Series<>();
    resolved.setName("Resolved");
    for (Churn c : model.churn()) {
      opened.getData().add(new XYChart.Data<>(c.label(), c.opened()));
      resolved.getData().add(new XYChart.Data<>(c.label(), c.resolved()));
    }
    churn.getData().add(opened);
    churn.getData().add(resolved);
  }

  /** Bars at most 40 px wide: a few assessments give bars, not walls. */
  private void sizeBars() {
    int n = Math.max(1, model.churn().size());
    double perCategory = Math.max(0, churn.getWidth() - 120) / n;
    churn.setCategoryGap(Math.max(12, perCategory - 2 * 40 - churn.getBarGap()));
  }

  private static final class AssessmentCell extends ListCell<AssessmentSummary> {
    @Override
    protected void updateItem(AssessmentSummary s, boolean empty) {
      super.updateItem(s, empty);
      setText(
          empty || s == null
              ? null
              : Texts.shortWhen(s.finishedAt())
                  + " · score "
                  + (s.overall() == null ? "n/a" : s.overall())
                  + " · "
                  + Texts.count(s.findings(), "finding"));
    }
  }
}
