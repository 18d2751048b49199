package dev.tenet.app.gui.dashboard;

import dev.tenet.app.gui.common.ScoreStyles;
import dev.tenet.app.gui.dashboard.DashboardViewModel.PillarRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.RiskRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.State;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/** The dashboard: binds to its ViewModel, holds no logic. */
public final class DashboardView extends ScrollPane {
  private final DashboardViewModel model;
  private final GridPane pillarGrid = new GridPane();
  private final VBox risks = new VBox(6);
  private final Pane sparkline = new Pane();

  /**
   * @param onAddConnection what "Add a connection" in the empty state does
   */
  public DashboardView(DashboardViewModel model, Runnable onAddConnection) {
    this.model = model;
    getStyleClass().add("dashboard");
    setFitToWidth(true);

    Label heading = new Label();
    heading.getStyleClass().add("title-2");
    heading.textProperty().bind(model.headingProperty());
    Label subheading = new Label();
    subheading.getStyleClass().add("text-muted");
    subheading.textProperty().bind(model.subheadingProperty());
    VBox header = new VBox(2, heading, subheading);

    StackPane states =
        new StackPane(loadingPane(), emptyPane(onAddConnection), errorPane(), readyPane());
    VBox root = new VBox(20, header, states);
    root.setPadding(new Insets(24));
    setContent(root);
    header.visibleProperty().bind(model.stateProperty().isEqualTo(State.READY));
    header.managedProperty().bind(header.visibleProperty());

    model.pillars().addListener((ListChangeListener<PillarRow>) c -> renderPillars());
    model.topRisks().addListener((ListChangeListener<RiskRow>) c -> renderRisks());
    model.trend().addListener((ListChangeListener<Integer>) c -> renderSparkline());
    renderPillars();
    renderRisks();
  }

  private Node loadingPane() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(48, 48);
    Label text = new Label();
    text.setId("dashboard-status");
    text.textProperty().bind(model.statusProperty());
    Button cancel = new Button("Cancel");
    cancel.setOnAction(e -> model.cancel());
    VBox box = new VBox(12, spinner, text, cancel);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 0, 0, 0));
    showWhen(box, State.LOADING);
    return box;
  }

  private Node emptyPane(Runnable onAddConnection) {
    Label title = new Label("No assessment yet");
    title.getStyleClass().add("title-2");
    Label text =
        new Label(
            "Run the demo to assess the bundled sample organization (no token, nothing leaves"
                + " this machine), or add a connection to assess your own organization.");
    text.setWrapText(true);
    text.setMaxWidth(520);
    Button demo = new Button("Run the demo");
    demo.setId("run-demo");
    demo.getStyleClass().add("accent");
    demo.setDefaultButton(true);
    demo.setOnAction(e -> model.runDemo());
    Button connect = new Button("Add a connection");
    connect.setOnAction(e -> onAddConnection.run());
    HBox buttons = new HBox(12, demo, connect);
    buttons.setAlignment(Pos.CENTER);
    VBox box = new VBox(14, title, text, buttons);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 0, 0, 0));
    showWhen(box, State.EMPTY);
    return box;
  }

  private Node errorPane() {
    Label title = new Label("The assessment could not be shown");
    title.getStyleClass().add("title-3");
    Label text = new Label();
    text.setId("dashboard-error");
    text.setWrapText(true);
    text.setMaxWidth(560);
    text.textProperty().bind(model.statusProperty());
    Button retry = new Button("Try again");
    retry.setOnAction(e -> model.load());
    VBox box = new VBox(12, title, text, retry);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 0, 0, 0));
    showWhen(box, State.ERROR);
    return box;
  }

  private Node readyPane() {
    Label overallTitle = new Label("Overall score");
    overallTitle.getStyleClass().add("text-muted");
    Label score = new Label();
    score.setId("overall-score");
    score.getStyleClass().add("overall-score");
    score
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.overallProperty().get() == null
                        ? "n/a"
                        : String.valueOf(model.overallProperty().get()),
                model.overallProperty()));
    model.overallProperty().addListener((o, a, b) -> restyle(score, b));
    Label grade = new Label();
    grade.setId("overall-grade");
    grade.getStyleClass().add("overall-grade");
    grade.textProperty().bind(Bindings.concat("grade ", model.gradeProperty()));
    Label change = new Label();
    change.setId("overall-change");
    change.getStyleClass().add("text-muted");
    change.textProperty().bind(model.changeProperty());
    HBox scoreLine = new HBox(12, score, grade);
    scoreLine.setAlignment(Pos.BASELINE_LEFT);
    sparkline.setPrefSize(220, 44);
    sparkline.setMinSize(220, 44);
    Label trendTitle = new Label("Trend");
    trendTitle.getStyleClass().add("text-muted");
    VBox overallCard = card(new VBox(6, overallTitle, scoreLine, change, trendTitle, sparkline));

    Label coverageTitle = new Label("Coverage");
    coverageTitle.getStyleClass().add("text-muted");
    Label coverage = new Label();
    coverage.setId("coverage");
    coverage.setWrapText(true);
    coverage.textProperty().bind(model.coverageProperty());
    Label paths = new Label();
    paths.setId("dashboard-paths");
    paths.textProperty().bind(model.attackPathsProperty());
    paths.getStyleClass().add("text-muted");
    paths.setWrapText(true);
    VBox coverageCard = card(new VBox(8, coverageTitle, coverage, paths));
    HBox.setHgrow(coverageCard, Priority.ALWAYS);
    HBox top = new HBox(16, overallCard, coverageCard);

    for (int i = 0; i < 3; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(100.0 / 3);
      pillarGrid.getColumnConstraints().add(c);
    }
    pillarGrid.setHgap(16);
    pillarGrid.setVgap(16);

    Label risksTitle = new Label("Top risks");
    risksTitle.getStyleClass().add("title-4");
    VBox box = new VBox(20, top, pillarGrid, new VBox(10, risksTitle, risks));
    showWhen(box, State.READY);
    return box;
  }

  private void renderPillars() {
    pillarGrid.getChildren().clear();
    List<PillarRow> rows = model.pillars();
    for (int i = 0; i < rows.size(); i++) {
      PillarRow row = rows.get(i);
      Label name = new Label(row.pillar().title());
      name.getStyleClass().add("title-4");
      Label value = new Label(row.score() == null ? "n/a" : String.valueOf(row.score()));
      value.setId("pillar-score-" + row.pillar().id());
      value.getStyleClass().addAll("pillar-score", ScoreStyles.of(row.score()));
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox line = new HBox(name, spacer, value);
      line.setAlignment(Pos.BASELINE_LEFT);
      ProgressBar bar = new ProgressBar(row.score() == null ? 0 : row.score() / 100.0);
      bar.setMaxWidth(Double.MAX_VALUE);
      bar.getStyleClass().add(ScoreStyles.of(row.score()));
      Label detail = new Label(row.detail());
      detail.getStyleClass().add("text-muted");
      detail.setWrapText(true);
      pillarGrid.add(card(new VBox(8, line, bar, detail)), i % 3, i / 3);
    }
  }

  private void renderRisks() {
    risks.getChildren().clear();
    if (model.topRisks().isEmpty()) {
      Label none = new Label("No findings: nothing in scope failed a rule.");
      none.getStyleClass().add("text-muted");
      risks.getChildren().add(none);
      return;
    }
    for (RiskRow r : model.topRisks()) {
      Label severity = new Label(r.severity().id().toUpperCase(java.util.Locale.ROOT));
      severity.getStyleClass().addAll("severity-chip", "severity-" + r.severity().id());
      severity.setMinWidth(76);
      Label message = new Label(r.message());
      message.setWrapText(true);
      Label resource = new Label(r.resource());
      resource.getStyleClass().add("text-muted");
      VBox text = new VBox(2, message, resource);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(12, severity, text);
      line.setAlignment(Pos.TOP_LEFT);
      line.getStyleClass().add("risk-row");
      risks.getChildren().add(line);
    }
  }

  private void renderSparkline() {
    sparkline.getChildren().clear();
    List<Integer> points = model.trend();
    if (points.size() < 2) {
      Label one = new Label(points.isEmpty() ? "" : "One assessment so far");
      one.getStyleClass().add("text-muted");
      sparkline.getChildren().add(one);
      return;
    }
    double w = sparkline.getPrefWidth();
    double h = sparkline.getPrefHeight();
    Polyline line = new Polyline();
    for (int i = 0; i < points.size(); i++) {
      line.getPoints().addAll(i * w / (points.size() - 1), h - 2 - points.get(i) / 100.0 * (h - 4));
    }
    line.getStyleClass().add("sparkline");
    sparkline.getChildren().add(line);
  }

  private static void restyle(Label label, Integer score) {
    label.getStyleClass().removeIf(s -> s.startsWith("score-"));
    label.getStyleClass().add(ScoreStyles.of(score));
  }

  private void showWhen(Node node, State state) {
    node.visibleProperty().bind(model.stateProperty().isEqualTo(state));
    node.managedProperty().bind(node.visibleProperty());
  }

  private static VBox card(VBox content) {
    content.getStyleClass().add("card");
    content.setPadding(new Insets(16));
    return content;
  }
}
