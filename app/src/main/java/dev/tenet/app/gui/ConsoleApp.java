package dev.tenet.app.gui;

import atlantafx.base.theme.PrimerLight;
import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.shell.MainWindow;
import dev.tenet.core.Tenet;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The desktop console. Started by {@link #launch(AppContext, boolean)}, never by the CLI code. */
public final class ConsoleApp extends Application {
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
    stage.setScene(createScene(context, UiExecutor.javaFx(), demo));
    stage.setTitle("Tenet " + Tenet.version() + (demo ? " · demo" : ""));
    stage.getIcons().addAll(windowIcons());
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    stage.show();
  }

  /** The console's scene, themed; the dashboard loads the latest assessment or runs the demo. */
  public static Scene createScene(AppContext context, UiExecutor executor, boolean runDemo) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    MainWindow window = new MainWindow(context, executor);
    Scene scene = new Scene(window, 1280, 800);
    scene
        .getStylesheets()
        .add(ConsoleApp.class.getResource("/dev/tenet/assets/theme/tenet.css").toExternalForm());
    if (runDemo) {
      window.dashboard().runDemo();
    } else {
      window.dashboard().load();
    }
    return scene;
  }

  /** The app icon at the sizes window managers and task bars pick from (assets/…/icons). */
  static List<Image> windowIcons() {
    return List.of(16, 32, 48, 64, 128, 256).stream()
        .map(size -> "/dev/tenet/assets/icons/tenet-" + size + ".png")
        .map(path -> new Image(ConsoleApp.class.getResource(path).toExternalForm()))
        .toList();
  }

  @Override
  public void stop() {
    if (context != null) {
      context.close();
    }
  }
}
