package dev.tenet.app.gui.shell;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Session;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.common.Views;
import dev.tenet.app.gui.connections.ConnectionsView;
import dev.tenet.app.gui.connections.ConnectionsViewModel;
import dev.tenet.app.gui.dashboard.DashboardView;
import dev.tenet.app.gui.dashboard.DashboardViewModel;
import dev.tenet.app.gui.findings.FindingsView;
import dev.tenet.app.gui.findings.FindingsViewModel;
import dev.tenet.app.gui.paths.PathsView;
import dev.tenet.app.gui.paths.PathsViewModel;
import dev.tenet.app.gui.reports.ReportsView;
import dev.tenet.app.gui.reports.ReportsViewModel;
import dev.tenet.app.gui.scan.ScanView;
import dev.tenet.app.gui.scan.ScanViewModel;
import dev.tenet.app.gui.settings.SettingsView;
import dev.tenet.app.gui.settings.SettingsViewModel;
import dev.tenet.app.gui.trends.TrendsView;
import dev.tenet.app.gui.trends.TrendsViewModel;
import dev.tenet.app.service.RiskService;
import dev.tenet.app.service.SettingsService.Theme;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: navigation on the left, one screen at a time in the centre. Screens are built
 * when first shown, and reload when shown after the stored assessments changed (a scan finished).
 */
public final class MainWindow extends BorderPane implements Navigator {
  /** The screens, in navigation order; Ctrl+1.. selects them. */
  public enum Screen {
    DASHBOARD("Dashboard", "mdi2v-view-dashboard-outline"),
    FINDINGS("Findings", "mdi2f-format-list-bulleted"),
    ATTACK_PATHS("Attack paths", "mdi2g-graph-outline"),
    TRENDS("Trends", "mdi2c-chart-line"),
    SCAN("Scan", "mdi2r-radar"),
    CONNECTIONS("Connections", "mdi2l-lan-connect"),
    REPORTS("Reports", "mdi2f-file-document-outline"),
    SETTINGS("Settings", "mdi2c-cog-outline");

    final String title;
    final String icon;

    Screen(String title, String icon) {
      this.title = title;
      this.icon = icon;
    }
  }

  /** How a screen is built and what showing it does. */
  private record Entry(Supplier<Node> view, Runnable load, boolean followsAssessments) {}

  private final Map<Screen, Entry> entries = new EnumMap<>(Screen.class);
  private final Map<Screen, Node> built = new EnumMap<>(Screen.class);
  private final Map<Screen, Integer> loadedAt = new EnumMap<>(Screen.class);
  private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
  private final Session session = new Session();
  private final DashboardViewModel dashboard;
  private final FindingsViewModel findings;
  private final ScanViewModel scan;
  private final ConnectionsViewModel connections;
  private final PathsViewModel paths;
  private final TrendsViewModel trends;
  private final ReportsViewModel reports;
  private final SettingsViewModel settings;
  private Screen current;

  public MainWindow(
      AppContext context,
      UiExecutor executor,
      DesktopActions desktop,
      Consumer<Theme> applyTheme,
      Path reportsFolder,
      Clock clock) {
    getStyleClass().add("main-window");
    dashboard = new DashboardViewModel(context.workspace(), executor);
    findings =
        new FindingsViewModel(
            context.workspace(),
            context.rules(),
            executor,
            (id, reason, owner, expires, assessmentId) ->
                acceptedSentence(
                    context.risks().accept(id, reason, owner, expires.toString(), assessmentId)));
    scan =
        new ScanViewModel(context.connections(), context.scans(), executor, session, this, clock);
    connections = new ConnectionsViewModel(context.connections(), executor, clock);
    paths =
        new PathsViewModel(
            context.workspace(),
            context.graphs(),
            PathsViewModel.engine(context.attackPaths()),
            executor);
    trends = new TrendsViewModel(context.workspace(), executor);
    reports =
        new ReportsViewModel(
            context.workspace(), context.reports(), executor, desktop, reportsFolder);
    settings = new SettingsViewModel(context.settings(), executor, desktop, applyTheme);

    entries.put(
        Screen.DASHBOARD,
        new Entry(() -> new DashboardView(dashboard, this), dashboard::load, true));
    entries.put(
        Screen.FINDINGS,
        new Entry(() -> new FindingsView(findings, desktop), findings::load, true));
    entries.put(
        Screen.ATTACK_PATHS, new Entry(() -> new PathsView(paths, this), paths::load, true));
    entries.put(Screen.TRENDS, new Entry(() -> new TrendsView(trends, this), trends::load, true));
    entries.put(Screen.SCAN, new Entry(() -> new ScanView(scan, this), scan::load, false));
    entries.put(
        Screen.CONNECTIONS,
        new Entry(() -> new ConnectionsView(connections, this), connections::load, false));
    entries.put(
        Screen.REPORTS, new Entry(() -> new ReportsView(reports, this), reports::load, true));
    entries.put(
        Screen.SETTINGS, new Entry(() -> new SettingsView(settings), settings::load, false));

    setLeft(navigation());
    sceneProperty().addListener((o, old, scene) -> installKeys(scene));
    show(Screen.DASHBOARD);
  }

  private VBox navigation() {
    ToggleGroup group = new ToggleGroup();
    VBox nav = new VBox(2);
    nav.getStyleClass().add("nav");
    nav.setPadding(new Insets(16, 8, 16, 8));
    Label brand = new Label("Tenet", new FontIcon("mdi2s-shield-search"));
    brand.getStyleClass().addAll("title-3", "brand");
    brand.setPadding(new Insets(0, 8, 14, 8));
    nav.getChildren().add(brand);
    int index = 1;
    for (Screen screen : Screen.values()) {
      if (screen == Screen.SCAN || screen == Screen.SETTINGS) {
        Separator s = new Separator();
        s.setPadding(new Insets(6, 4, 6, 4));
        nav.getChildren().add(s);
      }
      ToggleButton b = new ToggleButton(screen.title, new FontIcon(screen.icon));
      b.setId("nav-" + screen.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      b.setToggleGroup(group);
      b.setMaxWidth(Double.MAX_VALUE);
      b.getStyleClass().add("nav-button");
      b.setTooltip(new Tooltip(screen.title + "  (Ctrl+" + index++ + ")"));
      b.setOnAction(e -> show(screen));
      buttons.put(screen, b);
      nav.getChildren().add(b);
    }
    Region spacer = new Region();
    VBox.setVgrow(spacer, Priority.ALWAYS);
    Label privacy = new Label("Offline · data stays on this machine", new FontIcon("mdi2l-lock"));
    privacy.getStyleClass().add("text-muted");
    privacy.setWrapText(true);
    privacy.setPadding(new Insets(0, 8, 0, 8));
    nav.getChildren().addAll(spacer, privacy);
    nav.setPrefWidth(200);
    nav.setMinWidth(180);
    Views.keepOneSelected(group, t -> {});
    return nav;
  }

  private void installKeys(Scene scene) {
    if (scene == null) {
      return;
    }
    int index = 1;
    for (Screen screen : Screen.values()) {
      scene
          .getAccelerators()
          .put(
              new KeyCodeCombination(
                  KeyCode.valueOf("DIGIT" + index++), KeyCombination.SHORTCUT_DOWN),
              () -> show(screen));
    }
    scene
        .getAccelerators()
        .put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::reload);
  }

  public DashboardViewModel dashboardModel() {
    return dashboard;
  }

  public FindingsViewModel findingsModel() {
    return findings;
  }

  public ScanViewModel scanModel() {
    return scan;
  }

  public Session session() {
    return session;
  }

  public Screen current() {
    return current;
  }

  /** Shows a screen, loading it when first shown or when assessments changed since. */
  public void show(Screen screen) {
    current = screen;
    buttons.get(screen).setSelected(true);
    Entry entry = entries.get(screen);
    Node view = built.computeIfAbsent(screen, s -> entry.view().get());
    setCenter(view);
    Integer at = loadedAt.get(screen);
    if (at == null || (entry.followsAssessments() && at != session.revision())) {
      loadedAt.put(screen, session.revision());
      entry.load().run();
    } else if (screen == Screen.SCAN) {
      scan.load(); // Connections may have changed; does nothing while a scan runs.
    }
  }

  /** Reloads the current screen (F5). */
  public void reload() {
    if (current != null) {
      loadedAt.put(current, session.revision());
      entries.get(current).load().run();
    }
  }

  /** Ctrl+F: the findings' search field, from anywhere. */
  public void focusSearch() {
    if (current != Screen.FINDINGS) {
      show(Screen.FINDINGS);
    }
    if (built.get(Screen.FINDINGS) instanceof FindingsView v) {
      v.focusSearch();
    }
  }

  @Override
  public void dashboard() {
    show(Screen.DASHBOARD);
  }

  @Override
  public void findings(String search) {
    show(Screen.FINDINGS);
    if (search != null) {
      findings.searchFor(search);
    }
  }

  @Override
  public void attackPaths() {
    show(Screen.ATTACK_PATHS);
  }

  @Override
  public void scan(boolean demo) {
    show(Screen.SCAN);
    if (demo) {
      scan.startDemo();
    }
  }

  @Override
  public void connections() {
    show(Screen.CONNECTIONS);
  }

  @Override
  public void settings() {
    show(Screen.SETTINGS);
  }

  /** What an acceptance recorded, in one sentence. */
  static String acceptedSentence(RiskService.Accepted a) {
    String expiry = a.event().expiresAt().toString().substring(0, 10);
    String score =
        Objects.equals(a.scoreBefore(), a.scoreAfter())
            ? "the overall score stays " + a.scoreAfter()
            : "the overall score moves from " + a.scoreBefore() + " to " + a.scoreAfter();
    return "Accepted until " + expiry + " (recorded in the audit trail); " + score + ".";
  }
}
