package dev.tenet.app.gui.paths;

import dev.tenet.app.gui.paths.AttackPathsViewModel.FixRow;
import dev.tenet.app.gui.paths.AttackPathsViewModel.HopRow;
import dev.tenet.app.gui.paths.AttackPathsViewModel.PathRow;
import dev.tenet.app.gui.paths.AttackPathsViewModel.ReachRow;
import dev.tenet.app.gui.paths.AttackPathsViewModel.State;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The attack paths screen: binds to its ViewModel, holds no logic. */
public final class AttackPathsView extends ScrollPane {
  private final AttackPathsViewModel model;
  private final VBox fixes = new VBox(8);
  private final VBox steps = new VBox(10);
  private final VBox reached = new VBox(4);

  public AttackPathsView(AttackPathsViewModel model) {
    this.model = model;
    getStyleClass().add("attack-paths");
    setFitToWidth(true);

    Label title = new Label("Attack paths");
    title.getStyleClass().add("title-2");
    Label summary = new Label();
    summary.setId("paths-summary");
    summary.getStyleClass().add("text-muted");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summaryProperty());
    VBox header = new VBox(2, title, summary);

    StackPane states = new StackPane(loadingPane(), messagePane(), readyPane());
    VBox root = new VBox(20, header, states);
    root.setPadding(new Insets(24));
    setContent(root);

    model.fixes().addListener((ListChangeListener<FixRow>) c -> renderFixes());
    model.hops().addListener((ListChangeListener<HopRow>) c -> renderSteps());
    model.reach().addListener((ListChangeListener<ReachRow>) c -> renderReach());
  }

  private Node loadingPane() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(48, 48);
    VBox box = new VBox(12, spinner);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(80, 0, 0, 0));
    showWhen(box, model.stateProperty().isEqualTo(State.LOADING));
    return box;
  }

  private Node messagePane() {
    Label text = new Label();
    text.setId("paths-status");
    text.setWrapText(true);
    text.setMaxWidth(560);
    text.textProperty().bind(model.statusProperty());
    Button reload = new Button("Reload");
    reload.setOnAction(e -> model.load());
    VBox box = new VBox(12, text, reload);
    box.setAlignment(Pos.CENTER);
    box.setPadding(new Insets(60, 0, 0, 0));
    showWhen(
        box,
        model
            .stateProperty()
            .isEqualTo(State.EMPTY)
            .or(model.stateProperty().isEqualTo(State.NO_PATHS))
            .or(model.stateProperty().isEqualTo(State.ERROR)));
    return box;
  }

  private Node readyPane() {
    Label cutTitle = new Label();
    cutTitle.setId("paths-cut");
    cutTitle.getStyleClass().add("title-4");
    cutTitle.textProperty().bind(model.cutTitleProperty());
    VBox cutCard = card(new VBox(10, cutTitle, fixes));

    ListView<PathRow> list = new ListView<>(model.paths());
    list.setId("paths-list");
    list.setPrefHeight(260);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(PathRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                  setText(null);
                  setGraphic(null);
                  return;
                }
                Label severity = new Label(row.severity().id().toUpperCase(Locale.ROOT));
                severity.getStyleClass().addAll("severity-chip", "severity-" + row.severity().id());
                severity.setMinWidth(76);
                Label text =
                    new Label(
                        label(row.entryPoint(), row.entry())
                            + "  →  "
                            + label(row.crownJewel(), row.target())
                            + "  ("
                            + row.steps()
                            + (row.steps() == 1 ? " step)" : " steps)"));
                setGraphic(new HBox(10, severity, text));
                setText(null);
              }
            });
    list.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> model.select(row));
    Label pathsTitle = new Label("Paths, most severe first");
    pathsTitle.getStyleClass().add("title-4");
    Label selected = new Label();
    selected.setId("paths-selected");
    selected.getStyleClass().add("text-muted");
    selected.setWrapText(true);
    selected.textProperty().bind(model.selectedTitleProperty());
    VBox pathsCard = card(new VBox(10, pathsTitle, list, selected, steps));

    Label reachTitle = new Label("Blast radius");
    reachTitle.getStyleClass().add("title-4");
    TextField resource = new TextField();
    resource.setId("reach-resource");
    resource.setPromptText("an identity, token or secret: alice, github:acme/web#secret/NPM_TOKEN");
    HBox.setHgrow(resource, Priority.ALWAYS);
    Button go = new Button("Show what it reaches");
    go.setId("reach-go");
    go.setOnAction(e -> model.blastRadius(resource.getText()));
    resource.setOnAction(e -> model.blastRadius(resource.getText()));
    Label reachStatus = new Label();
    reachStatus.setId("reach-status");
    reachStatus.setWrapText(true);
    reachStatus.textProperty().bind(model.reachStatusProperty());
    VBox reachCard =
        card(new VBox(10, reachTitle, new HBox(8, resource, go), reachStatus, reached));

    VBox box = new VBox(16, cutCard, pathsCard, reachCard);
    showWhen(box, model.stateProperty().isEqualTo(State.READY));
    return box;
  }

  private void renderFixes() {
    fixes.getChildren().clear();
    int n = 1;
    for (FixRow f : model.fixes()) {
      if (n > 12) {
        Label more =
            new Label("… and " + (model.fixes().size() - 12) + " more ('tenet paths --json').");
        more.getStyleClass().add("text-muted");
        fixes.getChildren().add(more);
        break;
      }
      Label action = new Label(n++ + ". " + f.action());
      action.setWrapText(true);
      Label detail =
          new Label(f.what() + " · " + f.resource() + " · closes " + f.closes() + " paths");
      detail.getStyleClass().add("text-muted");
      detail.setWrapText(true);
      fixes.getChildren().add(new VBox(2, action, detail));
    }
  }

  private void renderSteps() {
    steps.getChildren().clear();
    for (HopRow h : model.hops()) {
      Label step = new Label("-" + h.relation() + "→  " + h.to());
      step.getStyleClass().add("path-step");
      step.setWrapText(true);
      Label because = new Label("because " + h.because());
      because.setWrapText(true);
      VBox hop = new VBox(2, step, because);
      if (h.fix() != null) {
        Label fix = new Label("cut by: " + h.fix());
        fix.getStyleClass().add("text-muted");
        fix.setWrapText(true);
        hop.getChildren().add(fix);
      }
      hop.setPadding(new Insets(0, 0, 0, 12));
      steps.getChildren().add(hop);
    }
  }

  private void renderReach() {
    reached.getChildren().clear();
    int shown = 0;
    for (ReachRow r : model.reach()) {
      if (shown++ == 40) {
        Label more = new Label("… 'tenet blast-radius --all' lists everything.");
        more.getStyleClass().add("text-muted");
        reached.getChildren().add(more);
        break;
      }
      Label line =
          new Label(
              (r.crownJewel() == null ? "" : "★ " + r.crownJewel() + "  ")
                  + r.id()
                  + "  ("
                  + r.kind()
                  + ", "
                  + r.level()
                  + ", "
                  + r.steps()
                  + (r.steps() == 1 ? " step)" : " steps)"));
      line.setWrapText(true);
      reached.getChildren().add(line);
    }
  }

  private static String label(String kind, String id) {
    return kind == null ? id : id + " [" + kind + "]";
  }

  private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue when) {
    node.visibleProperty().bind(when);
    node.managedProperty().bind(node.visibleProperty());
  }

  private static VBox card(VBox content) {
    content.getStyleClass().add("card");
    content.setPadding(new Insets(16));
    return content;
  }
}
