package dev.tenet.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.PassphraseDialog;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.dashboard.DashboardViewModel;
import dev.tenet.app.gui.shell.MainWindow;
import dev.tenet.app.service.SettingsService;
import dev.tenet.app.service.SettingsService.Theme;
import dev.tenet.core.Tenet;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop console. Started by {@link #launch(AppContext, boolean)}, never by the CLI code. */
public final class ConsoleApp extends Application {
  /**
   * When set to a file path, the console writes the time it became interactive there and quits:
   * what {@code tenet bench-console} measures.
   */
  public static final String BENCH_READY = "TENET_BENCH_READY";

  private static AppContext context;
  private static boolean demo;

  /** Opens the console and blocks until it is closed. */
  public static void launch(AppContext appContext, boolean runDemo) {
    context = appContext;
    demo = runDemo;
    Application.launch(ConsoleApp.class);
  }

  @Override
  public void start(Stage stage) {
    context.usePassphrases(new PassphraseDialog(System.getenv()));
    MainWindow window =
        new MainWindow(
            context,
            UiExecutor.javaFx(),
            desktop(getHostServices()),
            ConsoleApp::applyTheme,
            Path.of(System.getProperty("user.home", ".")),
            Clock.systemDefaultZone());
    Scene scene = scene(window, context.settings());
    stage.setScene(scene);
    stage.setTitle("Tenet " + Tenet.version() + (demo ? " · demo" : ""));
    stage.getIcons().addAll(windowIcons());
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    restoreBounds(stage, context.settings());
    stage.setOnHiding(e -> saveBounds(stage, context.settings()));
    stage.show();
    if (demo) {
      window.scan(true);
    }
    String ready = System.getenv(BENCH_READY);
    if (ready != null && !ready.isBlank()) {
      whenInteractive(window.dashboardModel(), Path.of(ready));
    }
  }

  /** The console's scene, themed; the dashboard loads the latest assessment or runs the demo. */
  public static Scene createScene(AppContext context, UiExecutor executor, boolean runDemo) {
    return createScene(
        context,
        executor,
        DesktopActions.NONE,
        Path.of(System.getProperty("user.home", ".")),
        runDemo);
  }

  /** The same, handing web pages and files to {@code desktop}; reports go to {@code folder}. */
  public static Scene createScene(
      AppContext context,
      UiExecutor executor,
      DesktopActions desktop,
      Path reportsFolder,
      boolean runDemo) {
    MainWindow window =
        new MainWindow(
            context,
            executor,
            desktop,
            ConsoleApp::applyTheme,
            reportsFolder,
            Clock.systemDefaultZone());
    Scene scene = scene(window, context.settings());
    if (runDemo) {
      window.scan(true);
    }
    return scene;
  }

  private static Scene scene(MainWindow window, SettingsService settings) {
    Scene scene = new Scene(window, 1280, 800);
    scene
        .getStylesheets()
        .add(ConsoleApp.class.getResource("/dev/tenet/assets/theme/tenet.css").toExternalForm());
    applyTheme(settings.settings().theme());
    return scene;
  }

  /** The app icon at the sizes window managers and task bars pick from (assets/…/icons). */
  static List<Image> windowIcons() {
    return List.of(16, 32, 48, 64, 128, 256).stream()
        .map(size -> "/dev/tenet/assets/icons/tenet-" + size + ".png")
        .map(path -> new Image(ConsoleApp.class.getResource(path).toExternalForm()))
        .toList();
  }

  /** Switches between the light and dark themes, for every window. */
  public static void applyTheme(Theme theme) {
    Application.setUserAgentStylesheet(
        theme == Theme.DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  private static DesktopActions desktop(HostServices host) {
    return new DesktopActions() {
      @Override
      public void browse(URI page) {
        host.showDocument(page.toString());
      }

      @Override
      public void open(Path file) {
        host.showDocument(file.toUri().toString());
      }
    };
  }

  private static void restoreBounds(Stage stage, SettingsService settings) {
    settings
        .window()
        .ifPresent(
            w -> {
              Rectangle2D wanted = new Rectangle2D(w.x(), w.y(), w.width(), w.height());
              // Only where a screen still is: a disconnected monitor must not hide the window.
              if (!Screen.getScreensForRectangle(wanted).isEmpty()) {
                stage.setX(w.x());
                stage.setY(w.y());
                stage.setWidth(Math.max(960, w.width()));
                stage.setHeight(Math.max(640, w.height()));
              }
              stage.setMaximized(w.maximized());
            });
  }

  private static void saveBounds(Stage stage, SettingsService settings) {
    try {
      settings.saveWindow(
          new SettingsService.WindowBounds(
              stage.getX(),
              stage.getY(),
              stage.getWidth(),
              stage.getHeight(),
              stage.isMaximized()));
    } catch (RuntimeException e) {
      // A read-only data folder only costs the window its remembered size.
    }
  }

  /** Writes the time the dashboard became usable (two frames after it loaded), then quits. */
  private static void whenInteractive(DashboardViewModel dashboard, Path file) {
    new AnimationTimer() {
      private int frames;

      @Override
      public void handle(long now) {
        if (dashboard.stateProperty().get() == DashboardViewModel.State.LOADING) {
          return;
        }
        if (++frames < 2) {
          return;
        }
        stop();
        try {
          Files.writeString(
              file, Long.toString(System.currentTimeMillis()), StandardCharsets.UTF_8);
        } catch (IOException e) {
          // The benchmark reports a missing file as a failure.
        }
        Platform.exit();
      }
    }.start();
  }

  @Override
  public void stop() {
    if (context != null) {
      context.close();
    }
  }
}
