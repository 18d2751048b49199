package dev.tenet.app.gui.scan;

import atlantafx.base.theme.Styles;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.scan.ScanViewModel.Choice;
import dev.tenet.app.gui.scan.ScanViewModel.Progress;
import dev.tenet.app.gui.scan.ScanViewModel.State;
import dev.tenet.app.gui.scan.ScanViewModel.Step;
import dev.tenet.core.model.BlindSpot;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The scan screen: binds to its ViewModel, holds no logic. */
public final class ScanView extends BorderPane {
  private final ScanViewModel model;
  private final VBox choiceBox = new VBox(8);
  private final VBox progressBox = new VBox(10);

  public ScanView(ScanViewModel model, Navigator navigator) {
    this.model = model;
    getStyleClass().add("scan");

    Label title = Views.title("Scan", "title-2");
    Label subtitle =
        Views.muted(
            "Tenet reads each connection (read-only), judges the trust graph it builds and stores"
                + " one assessment.");
    VBox top = new VBox(2, title, subtitle);

    // Choosing.
    Button start = Views.button("Start scan", "mdi2p-play");
    start.setId("scan-start");
    start.getStyleClass().add(Styles.ACCENT);
    start.setDefaultButton(true);
    start.disableProperty().bind(model.canStartProperty().not());
    start.setOnAction(e -> model.start());
    Button manage = Views.button("Manage connections", "mdi2l-lan-connect");
    manage.setOnAction(e -> navigator.connections());
    Label message = new Label();
    message.getStyleClass().add(Styles.DANGER);
    message.textProperty().bind(model.messageProperty());
    message.setWrapText(true);
    Views.showWhen(message, model.messageProperty().isNotEmpty());
    Label choose = new Label("What to scan");
    choose.getStyleClass().add("section-title");
    VBox choosing = new VBox(14, choose, choiceBox, message, new HBox(8, start, manage));
    choosing.setMaxWidth(760);
    Views.showWhen(choosing, model.stateProperty().isEqualTo(State.CHOOSING));
    model.choices().addListener((ListChangeListener<Choice>) c -> renderChoices());

    // Running and after.
    Label phase = new Label();
    phase.setId("scan-phase");
    phase.getStyleClass().add("title-4");
    phase.textProperty().bind(model.phaseProperty());
    Label elapsed = Views.muted("");
    elapsed.setId("scan-elapsed");
    elapsed.textProperty().bind(model.elapsedProperty());
    Button cancel = Views.button("Cancel scan", "mdi2s-stop-circle-outline");
    cancel.setId("scan-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> model.cancel());
    Views.showWhen(cancel, model.stateProperty().isEqualTo(State.RUNNING));
    Label outcome = new Label();
    outcome.setId("scan-outcome");
    outcome.setWrapText(true);
    outcome.textProperty().bind(model.outcomeProperty());
    Views.showWhen(outcome, model.outcomeProperty().isNotEmpty());
    Button again = Views.button("New scan", "mdi2r-refresh");
    again.setId("scan-again");
    again.setOnAction(e -> model.again());
    Button dashboard = Views.button("Open the dashboard", "mdi2v-view-dashboard-outline");
    dashboard.setOnAction(e -> navigator.dashboard());
    Views.showWhen(dashboard, model.stateProperty().isEqualTo(State.DONE));
    HBox after = new HBox(8, again, dashboard);
    Views.showWhen(
        after,
        model
            .stateProperty()
            .isNotEqualTo(State.RUNNING)
            .and(model.stateProperty().isNotEqualTo(State.CHOOSING)));
    HBox head = new HBox(12, new VBox(2, phase, elapsed), Views.spacer(), cancel);
    head.setAlignment(Pos.CENTER_LEFT);
    model.progress().addListener((ListChangeListener<Progress>) c -> renderProgress());

    Label blindTitle = new Label();
    blindTitle.getStyleClass().add("section-title");
    blindTitle
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.blindSpots().isEmpty()
                        ? "Blind spots: none so far"
                        : "Blind spots: "
                            + model.blindSpots().size()
                            + " (what Tenet could not read; each becomes a coverage-gap finding)",
                model.blindSpots()));
    TableView<BlindSpot> blind = new TableView<>(model.blindSpots());
    blind.setId("scan-blind-spots");
    blind.setPlaceholder(Views.muted("Nothing hidden from Tenet so far."));
    blind.getStyleClass().add(Styles.DENSE);
    blind.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    blind.getColumns().add(text("Resource", 240, BlindSpot::resource));
    blind.getColumns().add(text("Could not read", 220, BlindSpot::what));
    blind.getColumns().add(text("Why", 180, BlindSpot::reason));
    blind.getColumns().add(text("What would reveal it", 260, BlindSpot::remedy));
    blind.setPrefHeight(220);
    VBox.setVgrow(blind, Priority.ALWAYS);

    VBox running = new VBox(16, head, progressBox, outcome, after, blindTitle, blind);
    Views.showWhen(running, model.stateProperty().isNotEqualTo(State.CHOOSING));

    ScrollPane scroll = new ScrollPane(new VBox(20, top, choosing, running));
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    ((VBox) scroll.getContent()).setPadding(new Insets(24));
    setCenter(scroll);

    Timeline clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
    clock.setCycleCount(Timeline.INDEFINITE);
    model
        .stateProperty()
        .addListener(
            (o, a, s) -> {
              if (s == State.RUNNING) {
                clock.play();
              } else {
                clock.stop();
              }
            });
    renderChoices();
  }

  private static TableColumn<BlindSpot, String> text(
      String name, double width, java.util.function.Function<BlindSpot, String> value) {
    TableColumn<BlindSpot, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private void renderChoices() {
    choiceBox.getChildren().clear();
    for (Choice c : model.choices()) {
      CheckBox box = new CheckBox();
      box.selectedProperty().bindBidirectional(c.chosenProperty());
      box.setId(c.isDemo() ? "scan-choice-demo" : "scan-choice-" + c.connection().id());
      FontIcon icon =
          new FontIcon(
              c.isDemo()
                  ? "mdi2f-flask-outline"
                  : c.connection().platform().equals("gitlab") ? "mdi2g-gitlab" : "mdi2g-github");
      icon.setIconSize(20);
      Label name = new Label(c.label());
      name.getStyleClass().add("text-bold");
      VBox text = new VBox(2, name, Views.muted(c.detail()));
      HBox line = new HBox(12, box, icon, text);
      line.setAlignment(Pos.CENTER_LEFT);
      line.getStyleClass().add("choice-row");
      line.setOnMouseClicked(e -> c.chosenProperty().set(!c.chosenProperty().get()));
      choiceBox.getChildren().add(line);
    }
    if (model.choices().size() == 1) {
      choiceBox
          .getChildren()
          .add(
              Views.muted(
                  "No connection saved yet: add your GitHub organization or GitLab group under"
                      + " Connections, or scan the demo."));
    }
  }

  private void renderProgress() {
    progressBox.getChildren().clear();
    for (Progress p : model.progress()) {
      progressBox.getChildren().add(progressCard(p));
    }
  }

  private static String stepIcon(Step step) {
    return switch (step) {
      case WAITING -> "mdi2c-clock-outline";
      case RUNNING -> "mdi2p-progress-download";
      case DONE -> "mdi2c-check-circle-outline";
      case FAILED -> "mdi2a-alert-circle-outline";
    };
  }

  private Node progressCard(Progress p) {
    Label name = new Label();
    name.getStyleClass().add("title-4");
    name.textProperty().bind(p.labelProperty());
    FontIcon state = new FontIcon(stepIcon(p.stepProperty().get()));
    state.getStyleClass().add("step-icon");
    p.stepProperty()
        .addListener(
            (o, a, s) -> {
              state.setIconLiteral(stepIcon(s));
              state.getStyleClass().removeAll("step-done", "step-failed");
              if (s == Step.DONE) {
                state.getStyleClass().add("step-done");
              } else if (s == Step.FAILED) {
                state.getStyleClass().add("step-failed");
              }
            });
    Label left = Views.muted("");
    left.textProperty().bind(p.timeLeftProperty());
    HBox head = new HBox(10, state, name, Views.spacer(), left);
    head.setAlignment(Pos.CENTER_LEFT);
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(p.fractionProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    Label detail = new Label();
    detail.setWrapText(true);
    detail.textProperty().bind(p.detailProperty());
    detail.getStyleClass().add("scan-detail");
    Label wait = new Label();
    wait.setWrapText(true);
    wait.setGraphic(new FontIcon("mdi2t-timer-sand"));
    wait.getStyleClass().add("scan-wait");
    wait.textProperty().bind(p.waitProperty());
    Views.showWhen(wait, p.waitProperty().isNotEmpty());
    VBox card = Views.card(new VBox(8, head, bar, detail, wait));
    card.getStyleClass().add("scan-card");
    return card;
  }
}
