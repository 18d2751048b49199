package dev.tenet.app.gui.shell;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.dashboard.DashboardView;
import dev.tenet.app.gui.dashboard.DashboardViewModel;
import dev.tenet.app.gui.paths.AttackPathsView;
import dev.tenet.app.gui.paths.AttackPathsViewModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: navigation on the left, one screen at a time in the centre. */
public final class MainWindow extends BorderPane {
  /** The screens, in navigation order; Ctrl+1.. selects them. */
  public enum Screen {
    DASHBOARD("Dashboard", "mdi2v-view-dashboard-outline"),
    FINDINGS("Findings", "mdi2f-format-list-bulleted"),
    ATTACK_PATHS("Attack paths", "mdi2g-graph-outline"),
    TRENDS("Trends", "mdi2c-chart-line"),
    CONNECTIONS("Connections", "mdi2l-lan-connect"),
    REPORTS("Reports", "mdi2f-file-document-outline");

    final String title;
    final String icon;

    Screen(String title, String icon) {
      this.title = title;
      this.icon = icon;
    }
  }

  private final Map<Screen, Supplier<Node>> factories = new LinkedHashMap<>();
  private final Map<Screen, Node> built = new LinkedHashMap<>();
  private final Map<Screen, ToggleButton> buttons = new LinkedHashMap<>();
  private final DashboardViewModel dashboard;
  private final AttackPathsViewModel paths;

  public MainWindow(AppContext context, UiExecutor executor) {
    getStyleClass().add("main-window");
    dashboard = new DashboardViewModel(context.workspace(), context.scans(), executor);
    factories.put(
        Screen.DASHBOARD, () -> new DashboardView(dashboard, () -> show(Screen.CONNECTIONS)));
    factories.put(
        Screen.FINDINGS,
        () ->
            new PlaceholderView(
                "Findings",
                "This screen will list every finding with filters, grouping and a detail pane.",
                "Meanwhile: 'tenet report --format json' lists every finding of the latest assessment."));
    paths = new AttackPathsViewModel(context.workspace(), context.attackPaths(), executor);
    factories.put(Screen.ATTACK_PATHS, () -> new AttackPathsView(paths));
    factories.put(
        Screen.TRENDS,
        () ->
            new PlaceholderView(
                "Trends",
                "This screen will chart scores over all assessments and compare two of them.",
                "Meanwhile: 'tenet history' and 'tenet diff A B'."));
    factories.put(
        Screen.CONNECTIONS,
        () ->
            new PlaceholderView(
                "Connections",
                "This screen will add, test and remove GitHub, GitLab and container registry"
                    + " connections, with tokens in the OS keychain.",
                "Meanwhile: GITHUB_TOKEN=… tenet scan --github ORG, GITLAB_TOKEN=… tenet scan"
                    + " --gitlab GROUP, or tenet scan --registry URL (read-only tokens; see"
                    + " docs/PERMISSIONS.md)."));
    factories.put(
        Screen.REPORTS,
        () ->
            new PlaceholderView(
                "Reports",
                "This screen will export PDF, HTML, SARIF, JSON and CSV reports.",
                "Meanwhile: 'tenet report --format json -o report.json'."));

    ToggleGroup group = new ToggleGroup();
    VBox nav = new VBox(4);
    nav.getStyleClass().add("nav");
    nav.setPadding(new Insets(16, 8, 16, 8));
    Label brand = new Label("Tenet");
    brand.getStyleClass().addAll("title-3", "brand");
    brand.setPadding(new Insets(0, 8, 12, 8));
    nav.getChildren().add(brand);
    int index = 1;
    for (Screen screen : Screen.values()) {
      ToggleButton b = new ToggleButton(screen.title, new FontIcon(screen.icon));
      b.setId("nav-" + screen.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      b.setToggleGroup(group);
      b.setMaxWidth(Double.MAX_VALUE);
      b.getStyleClass().add("nav-button");
      b.setOnAction(e -> show(screen));
      buttons.put(screen, b);
      nav.getChildren().add(b);
      KeyCombination key =
          new KeyCodeCombination(KeyCode.valueOf("DIGIT" + index++), KeyCombination.SHORTCUT_DOWN);
      sceneProperty()
          .addListener(
              (o, old, scene) -> {
                if (scene != null) {
                  scene.getAccelerators().put(key, () -> show(screen));
                }
              });
    }
    Region spacer = new Region();
    VBox.setVgrow(spacer, Priority.ALWAYS);
    Label privacy = new Label("Offline · data stays on this machine");
    privacy.getStyleClass().add("text-muted");
    privacy.setWrapText(true);
    privacy.setPadding(new Insets(0, 8, 0, 8));
    nav.getChildren().addAll(spacer, privacy);
    nav.setPrefWidth(200);
    setLeft(nav);
    // A toggle group lets the user unselect; keep exactly one screen selected.
    group
        .selectedToggleProperty()
        .addListener(
            (o, old, now) -> {
              if (now == null && old != null) {
                old.setSelected(true);
              }
            });
    show(Screen.DASHBOARD);
  }

  public DashboardViewModel dashboard() {
    return dashboard;
  }

  public void show(Screen screen) {
    buttons.get(screen).setSelected(true);
    setCenter(built.computeIfAbsent(screen, s -> factories.get(s).get()));
    if (screen == Screen.ATTACK_PATHS) {
      paths.load(); // A scan may have run since it was last shown.
    }
  }
}
