package dev.tenet.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.store.DataPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's attack paths screen on the demo, headless. */
@ExtendWith(ApplicationExtension.class)
class AttackPathsScreenTest {
  private static Path home;
  private static AppContext context;

  @BeforeAll
  static void prepare() throws Exception {
    home = Files.createTempDirectory("tenet-paths-screen");
    context =
        new AppContext(new DataPaths(home), home.resolve("tenet.db"), Map.of(), Clock.systemUTC());
    context
        .scans()
        .run(dev.tenet.app.service.ScanPlan.demoOnly(), ScanListener.NONE, new Cancellation());
  }

  @AfterAll
  static void close() {
    context.close();
  }

  @Start
  void start(Stage stage) {
    stage.setScene(ConsoleApp.createScene(context, UiExecutor.javaFx(), false));
    stage.show();
  }

  @Test
  void theDemoAttackPathsAreShownWithTheirCut(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#dashboard-paths"));
    dev.tenet.core.assessment.Exposure exposure =
        context.workspace().latest().orElseThrow().exposure();
    assertThat(text(robot, "#dashboard-paths"))
        .startsWith(
            "Attack paths: " + exposure.pathsFound() + " reach " + exposure.reachableJewels())
        .contains(exposure.cut().size() == 1 ? "one fix" : exposure.cut().size() + " fixes");

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#paths-cut-title"));
    assertThat(text(robot, "#paths-cut-title"))
        .startsWith(
            exposure.cut().size() == 1 ? "One fix closes all" : exposure.cut().size() + " fixes");
    assertThat(text(robot, "#paths-summary")).contains("crown jewels reachable");
    javafx.scene.control.TableView<?> cut =
        robot.lookup("#paths-cut").queryAs(javafx.scene.control.TableView.class);
    assertThat(cut.getItems()).hasSize(exposure.cut().size());
    javafx.scene.control.ListView<?> paths =
        robot.lookup("#paths-list").queryAs(javafx.scene.control.ListView.class);
    assertThat(paths.getItems())
        .hasSize(context.workspace().latest().orElseThrow().attackPaths().size());
    // The first path is drawn and its steps explained.
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () ->
            !robot
                .lookup("#path-steps")
                .queryAs(javafx.scene.control.TableView.class)
                .getItems()
                .isEmpty());
    snapshot(robot, "attack-paths-demo");
  }

  private static void snapshot(FxRobot robot, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    var image =
        WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#paths-summary").query().getScene().snapshot(null))
            .get();
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(image, null),
        "png",
        dir.resolve(name + ".png").toFile());
  }

  private static boolean showing(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node != null && node.getScene() != null;
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }
}
