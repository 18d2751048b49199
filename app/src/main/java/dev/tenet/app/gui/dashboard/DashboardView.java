package dev.tenet.app.gui.dashboard;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Icons;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.ScoreStyles;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.dashboard.DashboardViewModel.GapRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.PillarRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.RiskRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.ScopeRow;
import dev.tenet.app.gui.dashboard.DashboardViewModel.State;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;
import org.kordamp.ikonli.javafx.FontIcon;

/** The dashboard: binds to its ViewModel, holds no logic. */
public final class DashboardView extends ScrollPane {
  private final DashboardViewModel model;
  private final Navigator navigator;
  private final GridPane pillarGrid = new GridPane();
  private final VBox risks = new VBox(0);
  private final VBox scopes = new VBox(6);
  private final VBox gaps = new VBox(6);
  private final Pane sparkline = new Pane();

  public DashboardView(DashboardViewModel model, Navigator navigator) {
    this.model = model;
    this.navigator = navigator;
    getStyleClass().add("dashboard");
    setFitToWidth(true);

    Label heading = new Label();
    heading.getStyleClass().add("title-2");
    heading.setId("dashboard-heading");
    heading.textProperty().bind(model.headingProperty());
    Label subheading = Views.muted("");
    subheading.textProperty().bind(model.subheadingProperty());
    Button scan = Views.button("Scan again", "mdi2r-radar");
    scan.setOnAction(e -> navigator.scan(false));
    // A long scope is elided, never the button; the full scope is in the tooltip.
    scan.setMinWidth(Region.USE_PREF_SIZE);
    heading.setMinWidth(0);
    Tooltip scope = new Tooltip();
    scope.textProperty().bind(model.headingProperty());
    heading.setTooltip(scope);
    VBox titles = new VBox(2, heading, subheading);
    titles.setMinWidth(0);
    HBox.setHgrow(titles, Priority.ALWAYS);
    HBox header = new HBox(12, titles, scan);
    header.setAlignment(Pos.CENTER_LEFT);
    Views.showWhen(header, model.stateProperty().isEqualTo(State.READY));

    Button demo = Views.button("Run the demo", "mdi2p-play-circle-outline");
    demo.setId("run-demo");
    demo.getStyleClass().add(Styles.ACCENT);
    demo.setDefaultButton(true);
    demo.setOnAction(e -> navigator.scan(true));
    Button connect = Views.button("Add a connection", "mdi2l-lan-connect");
    connect.setOnAction(e -> navigator.connections());
    Button retry = new Button("Try again");
    retry.setOnAction(e -> model.load());

    StackPane states =
        new StackPane(
            Views.showWhen(
                Views.loading(model.statusProperty()),
                model.stateProperty().isEqualTo(State.LOADING)),
            Views.showWhen(
                Views.message(
                    "mdi2s-shield-search",
                    "No assessment yet",
                    Bindings.createStringBinding(
                        () ->
                            "Run the demo to assess the bundled sample organization (no token,"
                                + " nothing leaves this machine), or add a connection to assess"
                                + " your own GitHub organization or GitLab group."),
                    demo,
                    connect),
                model.stateProperty().isEqualTo(State.EMPTY)),
            Views.showWhen(errorPane(retry), model.stateProperty().isEqualTo(State.ERROR)),
            Views.showWhen(readyPane(), model.stateProperty().isEqualTo(State.READY)));
    VBox root = new VBox(20, header, states);
    root.setPadding(new Insets(24));
    setContent(root);

    model.pillars().addListener((ListChangeListener<PillarRow>) c -> renderPillars());
    model.topRisks().addListener((ListChangeListener<RiskRow>) c -> renderRisks());
    model.trend().addListener((ListChangeListener<Integer>) c -> renderSparkline());
    model.assessed().addListener((ListChangeListener<ScopeRow>) c -> renderScopes());
    model.notAssessed().addListener((ListChangeListener<GapRow>) c -> renderGaps());
    renderPillars();
    renderRisks();
  }

  private Node errorPane(Button retry) {
    VBox box =
        Views.message(
            "mdi2a-alert-circle-outline",
            "The assessment could not be shown",
            model.statusProperty(),
            retry);
    box.lookupAll(".state-text").forEach(n -> n.setId("dashboard-error"));
    return box;
  }

  private Node readyPane() {
    // Overall score.
    Label overallTitle = Views.muted("Overall score");
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
    Label change = Views.muted("");
    change.setId("overall-change");
    change.textProperty().bind(model.changeProperty());
    HBox scoreLine = new HBox(12, score, grade);
    scoreLine.setAlignment(Pos.BASELINE_LEFT);
    sparkline.setPrefSize(220, 40);
    sparkline.setMinSize(220, 40);
    sparkline.setMaxSize(220, 40);
    VBox overall =
        Views.card(new VBox(6, overallTitle, scoreLine, change, Views.muted("Trend"), sparkline));
    overall.setMinWidth(260);

    // Attack paths.
    Label pathsTitle = Views.muted("Attack paths");
    Label count = new Label();
    count.setId("dashboard-path-count");
    count.getStyleClass().addAll("overall-score", "score-good");
    count.textProperty().bind(Bindings.convert(model.pathCountProperty()));
    model
        .pathCountProperty()
        .addListener(
            (o, a, n) -> {
              count.getStyleClass().removeAll("score-good", "score-poor");
              count.getStyleClass().add(n != null && n > 0 ? "score-poor" : "score-good");
            });
    Label pathsText = new Label();
    pathsText.setId("dashboard-paths");
    pathsText.setWrapText(true);
    pathsText.textProperty().bind(model.attackPathsProperty());
    Hyperlink openPaths = new Hyperlink("Open the attack paths");
    openPaths.setOnAction(e -> navigator.attackPaths());
    VBox paths = Views.card(new VBox(6, pathsTitle, count, pathsText, openPaths));
    paths.setPrefWidth(260);
    paths.setMinWidth(220);

    // Coverage: what was assessed and what was not.
    Label coverageTitle = Views.muted("Coverage");
    Label coverage = new Label();
    coverage.setId("coverage");
    coverage.setWrapText(true);
    coverage.textProperty().bind(model.coverageProperty());
    Hyperlink blind = new Hyperlink("See the blind spots");
    blind.setId("dashboard-blind-spots");
    blind.setOnAction(e -> navigator.findings("coverage-gap"));
    Views.showWhen(blind, model.blindSpotsProperty());
    VBox coverageCard = Views.card(new VBox(8, coverageTitle, coverage, scopes, blind));
    HBox.setHgrow(coverageCard, Priority.ALWAYS);
    HBox top = new HBox(16, overall, paths, coverageCard);

    for (int i = 0; i < 3; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(100.0 / 3);
      pillarGrid.getColumnConstraints().add(c);
    }
    pillarGrid.setHgap(16);
    pillarGrid.setVgap(16);

    Label risksTitle = Views.title("Top risks", "title-4");
    Hyperlink all = new Hyperlink("All findings");
    all.setOnAction(e -> navigator.findings(null));
    HBox risksHead = new HBox(8, risksTitle, Views.spacer(), all);
    risksHead.setAlignment(Pos.CENTER_LEFT);
    VBox riskCard = Views.card(new VBox(8, risksHead, risks));
    HBox.setHgrow(riskCard, Priority.ALWAYS);
    riskCard.setPrefWidth(600);
    Label gapsTitle = Views.title("Not assessed", "title-4");
    VBox gapCard =
        Views.card(
            new VBox(
                8,
                gapsTitle,
                Views.muted("What Tenet could not judge counts as unknown, never as a pass."),
                gaps));
    gapCard.setPrefWidth(380);
    gapCard.setMinWidth(300);
    HBox bottom = new HBox(16, riskCard, gapCard);
    return new VBox(20, top, pillarGrid, bottom);
  }

  private void renderScopes() {
    scopes.getChildren().clear();
    for (ScopeRow s : model.assessed()) {
      FontIcon icon = new FontIcon(Icons.forPlatform(s.platform()));
      Label name = new Label(s.label());
      name.getStyleClass().add("text-bold");
      Label counts = Views.muted(s.counts());
      VBox text = new VBox(1, name, counts);
      HBox line = new HBox(8, icon, text);
      line.setAlignment(Pos.TOP_LEFT);
      scopes.getChildren().add(line);
    }
  }

  private void renderGaps() {
    gaps.getChildren().clear();
    if (model.notAssessed().isEmpty()) {
      gaps.getChildren().add(Views.muted("Nothing: every resource in scope could be read."));
      return;
    }
    int shown = 0;
    for (GapRow g : model.notAssessed()) {
      if (shown++ == 8) {
        gaps.getChildren()
            .add(Views.muted("… and " + (model.notAssessed().size() - 8) + " more in Findings."));
        break;
      }
      FontIcon eye = new FontIcon("mdi2e-eye-off-outline");
      Label what = new Label(g.what() + (g.count() > 1 ? "  ×" + g.count() : ""));
      what.setWrapText(true);
      VBox text = new VBox(1, what);
      if (!g.remedy().isEmpty()) {
        text.getChildren().add(Views.muted(g.remedy()));
      }
      HBox line = new HBox(8, eye, text);
      line.setAlignment(Pos.TOP_LEFT);
      gaps.getChildren().add(line);
    }
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
      HBox line = new HBox(name, Views.spacer(), value);
      line.setAlignment(Pos.BASELINE_LEFT);
      ProgressBar bar = new ProgressBar(row.score() == null ? 0 : row.score() / 100.0);
      bar.setMaxWidth(Double.MAX_VALUE);
      bar.getStyleClass().add(ScoreStyles.of(row.score()));
      Label detail = Views.muted(row.detail());
      VBox card = Views.card(new VBox(8, line, bar, detail));
      card.getStyleClass().add("pillar-card");
      card.setCursor(Cursor.HAND);
      card.setOnMouseClicked(e -> navigator.findings(row.pillar().id()));
      pillarGrid.add(card, i % 3, i / 3);
    }
  }

  private void renderRisks() {
    risks.getChildren().clear();
    if (model.topRisks().isEmpty()) {
      risks.getChildren().add(Views.muted("No findings: nothing in scope failed a rule."));
      return;
    }
    for (RiskRow r : model.topRisks()) {
      Label severity = Views.severityChip(r.severity());
      severity.setMinWidth(76);
      Label message = new Label(r.message());
      message.setWrapText(true);
      Label resource = Views.muted(r.resource());
      VBox text = new VBox(2, message, resource);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox line = new HBox(12, severity, text);
      line.setAlignment(Pos.TOP_LEFT);
      line.getStyleClass().add("risk-row");
      line.setCursor(Cursor.HAND);
      line.setOnMouseClicked(e -> navigator.findings(r.id()));
      risks.getChildren().add(line);
    }
  }

  private void renderSparkline() {
    sparkline.getChildren().clear();
    List<Integer> points = model.trend();
    if (points.size() < 2) {
      Label one = Views.muted(points.isEmpty() ? "" : "One assessment so far");
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
}
