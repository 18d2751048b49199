package dev.tenet.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.store.DataPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
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

/** Drives the console headless: empty state → run the demo → scores shown → navigation. */
@ExtendWith(ApplicationExtension.class)
class ConsoleTest {
  private static Path home;
  private static AppContext context;

  @BeforeAll
  static void prepare() throws Exception {
    home = Files.createTempDirectory("tenet-console");
    context =
        new AppContext(new DataPaths(home), home.resolve("tenet.db"), Map.of(), Clock.systemUTC());
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
  void firstStartOffersTheDemoAndShowsItsScores(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#run-demo"));
    robot.clickOn("#run-demo");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> visible(robot, "#overall-score"));
    WaitForAsyncUtils.waitForFxEvents();

    Assessment latest = context.workspace().latest().orElseThrow();
    assertThat(text(robot, "#overall-score")).isEqualTo(String.valueOf(latest.score().overall()));
    assertThat(text(robot, "#overall-grade")).isEqualTo("grade " + latest.score().grade());
    for (Pillar p : Pillar.values()) {
      PillarScore ps = latest.score().pillar(p);
      assertThat(text(robot, "#pillar-score-" + p.id()))
          .as(p.id())
          .isEqualTo(ps.score() == null ? "n/a" : String.valueOf(ps.score()));
    }
    assertThat(text(robot, "#coverage")).contains(latest.findings().size() + " findings");
    snapshot(robot, "dashboard");

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".placeholder").queryAll()).isNotEmpty();
    assertThat(
            robot
                .lookup("#nav-findings")
                .queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())
        .isTrue();
    robot.clickOn("#nav-dashboard");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(visible(robot, "#overall-score")).isTrue();
  }

  private static boolean visible(FxRobot robot, String query) {
    Node node = robot.lookup(query).query();
    return node != null && node.isVisible() && node.getScene() != null && isShowing(node);
  }

  private static boolean isShowing(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private static void snapshot(FxRobot robot, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    var image =
        WaitForAsyncUtils.asyncFx(() -> robot.targetWindow().getScene().snapshot(null)).get();
    javax.imageio.ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
  }
}
