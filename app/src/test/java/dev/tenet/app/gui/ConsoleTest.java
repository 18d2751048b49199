package dev.tenet.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.app.AppContext;
import dev.tenet.app.gui.common.DesktopActions;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.paths.PathGraphView;
import dev.tenet.app.gui.shell.MainWindow;
import dev.tenet.app.service.SettingsService;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.score.PillarScore;
import dev.tenet.core.util.Json;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

/**
 * Drives the console headless through its main flow: first start → add a connection and test it
 * against the GitHub emulator → scan the demo → dashboard → filter findings → open an attack path
 * (a hand-built assessment) → compare two assessments → export a JSON report → dark theme. Saves a
 * snapshot of every screen in target/screenshots (docs/screenshots come from a run under -Pxvfb).
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleTest {
  static final String TOKEN = "ghp_ConsoleTestToken0123456789abcdefABCD";

  private static Path home;
  private static Path reports;
  private static AppContext context;
  private static GitHubEmulator github;
  private static final List<Object> opened = new CopyOnWriteArrayList<>();
  private MainWindow window;

  @BeforeAll
  static void prepare() throws Exception {
    home = Files.createTempDirectory("tenet-console");
    reports = Files.createTempDirectory("tenet-reports");
    context = Fixtures.context(home, new MemoryKeychain());
    // A member's token, not an owner's: the test says what Tenet will not see with it.
    github = GitHubEmulator.start(SampleOrganization.demo(), TOKEN).ownerToken(false);
  }

  @AfterAll
  static void close() {
    context.close();
    github.close();
  }

  @Start
  void start(Stage stage) {
    DesktopActions desktop =
        new DesktopActions() {
          @Override
          public void browse(URI page) {
            opened.add(page);
          }

          @Override
          public void open(Path file) {
            opened.add(file);
          }
        };
    stage.setScene(ConsoleApp.createScene(context, UiExecutor.javaFx(), desktop, reports, false));
    window = (MainWindow) stage.getScene().getRoot();
    stage.show();
  }

  @Test
  void mainFlow(FxRobot robot) throws Exception {
    // First start: the way to the demo or to a first connection.
    waitFor(robot, "#run-demo");
    snapshot(robot, "first-start");

    // Add a connection and test it against the GitHub emulator.
    robot.clickOn("#nav-connections");
    robot.clickOn("#connection-add");
    // A registry asks for its address and user, not an organization.
    robot.clickOn("#editor-registry");
    waitFor(robot, "#editor-user");
    assertThat(visible(robot, "#editor-target")).isFalse();
    snapshot(robot, "connection-registry");
    // AWS and Kubernetes read live or from exported files, with no token.
    robot.clickOn("#editor-aws");
    robot.clickOn("#editor-files");
    waitFor(robot, "#editor-path");
    assertThat(visible(robot, "#editor-token")).isFalse();
    assertThat(visible(robot, "#editor-target")).isFalse();
    robot.clickOn("#editor-k8s");
    waitFor(robot, "#editor-target");
    snapshot(robot, "connection-cluster");
    robot.clickOn("#editor-live");
    robot.clickOn("#editor-github");
    waitFor(robot, "#editor-target");
    assertThat(visible(robot, "#editor-user")).isFalse();
    TextField url = robot.lookup("#editor-url").queryAs(TextField.class);
    robot.interact(() -> url.setText(github.apiUrl().toString()));
    robot.clickOn("#editor-target").write("acme-corp");
    robot.clickOn("#editor-token").write(TOKEN);
    robot.clickOn("#editor-save");
    waitFor(robot, "#test-result");
    assertThat(text(robot, "#test-identity"))
        .isEqualTo(GitHubEmulator.SCANNER + " · member (not an owner)");
    assertThat(robot.lookup("#test-blind").queryAs(javafx.scene.layout.VBox.class).getChildren())
        .hasSize(1);
    assertThat(text(robot, "#test-rate")).contains("of 5,000 requests left");
    assertThat(text(robot, "#test-verdict")).contains("can do more than read (repo)");
    // The token is gone from the screen and never written beside the connection.
    assertThat(robot.lookup("#editor-token").tryQuery()).isEmpty();
    assertThat(Files.readString(home.resolve("connections.json"))).doesNotContain(TOKEN);
    snapshot(robot, "connections");

    // Scan the demo from the dashboard's empty state; the scan ends on the dashboard.
    robot.clickOn("#nav-dashboard");
    robot.clickOn("#run-demo");
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> visible(robot, "#overall-score"));
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
    robot.moveTo("#nav-dashboard");
    snapshot(robot, "dashboard");

    // Settings: the dark theme applies at once and is remembered; then back to light.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
    waitFor(robot, "#theme-dark");
    robot.clickOn("#theme-dark");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(new SettingsService(home).settings().theme()).isEqualTo(SettingsService.Theme.DARK);
    robot.clickOn("#nav-dashboard");
    waitFor(robot, "#overall-score");
    robot.moveTo("#nav-dashboard");
    snapshot(robot, "dashboard-dark");
    robot.clickOn("#nav-settings");
    robot.clickOn("#theme-light");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(new SettingsService(home).settings().theme()).isEqualTo(SettingsService.Theme.LIGHT);

    robot.clickOn("#nav-scan");
    waitFor(robot, "#scan-outcome");
    assertThat(text(robot, "#scan-outcome")).startsWith("Assessment stored: score");
    snapshot(robot, "scan");

    // Filter the findings: Ctrl+F from anywhere, then type.
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    waitFor(robot, "#findings-table");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#findings-search").query().isFocused());
    robot.write("two-factor");
    WaitForAsyncUtils.waitForFxEvents();
    TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
    long expected =
        latest.findings().stream()
            .filter(
                f ->
                    (f.title() + f.message() + f.resource() + f.ruleId() + f.weakness().id())
                        .toLowerCase()
                        .contains("two-factor"))
            .count();
    assertThat(expected).isPositive();
    assertThat(table.getItems()).hasSize((int) expected);
    assertThat(text(robot, "#findings-summary"))
        .isEqualTo(expected + " of " + latest.findings().size() + " findings");
    robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(text(robot, "#detail-title")).isNotBlank();
    assertThat(robot.lookup("#detail-remediation").tryQuery()).isPresent();
    // Accept the selected finding as a known risk: recorded, with what it does to the score.
    assertThat(robot.lookup("#detail-accept").queryButton().isDisabled()).isFalse();
    robot.interact(() -> robot.lookup("#detail-accept").queryButton().fire());
    assertThat(robot.lookup("#accept-confirm").tryQuery()).isPresent();
    robot.interact(
        () -> {
          robot
              .lookup("#accept-reason")
              .queryAs(javafx.scene.control.TextArea.class)
              .setText("Contractors sign in through the SSO, which enforces MFA");
          robot.lookup("#accept-owner").queryAs(TextField.class).setText("maya");
          robot.lookup("#accept-confirm").queryButton().fire();
        });
    try {
      WaitForAsyncUtils.waitFor(
          10, TimeUnit.SECONDS, () -> !text(robot, "#detail-action-message").isEmpty());
    } catch (java.util.concurrent.TimeoutException e) {
      // The assertion below says what the console showed instead.
    }
    assertThat(text(robot, "#detail-action-message")).startsWith("Accepted until");
    assertThat(context.risks().list(false))
        .singleElement()
        .satisfies(r -> assertThat(r.acceptance().owner()).isEqualTo("maya"));
    snapshot(robot, "findings");

    // A hand-built assessment with a known attack path and its stored graph.
    Fixtures.store(context, Instant.now().plusSeconds(60), 4, false);
    Fixtures.store(context, Instant.now().plusSeconds(120), 2, true);
    robot.interact(() -> window.session().assessmentsChanged());
    robot.clickOn("#nav-attack-paths");
    waitFor(robot, "#paths-list");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> graph(robot).drawnNodes().containsKey(Fixtures.BOB));
    PathGraphView graph = graph(robot);
    assertThat(graph.drawnNodes())
        .containsKeys(Fixtures.BOB, Fixtures.DEPLOY, Fixtures.WORKFLOW, Fixtures.PRODUCTION);
    double zoom = graph.zoomFactor();
    robot.clickOn("#graph-zoom-in");
    assertThat(graph.zoomFactor()).isGreaterThan(zoom);
    robot.clickOn("#graph-zoom-out");
    robot.clickOn(graph.drawnNodes().get(Fixtures.BOB));
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> text(robot, "#reach-status").startsWith("bob reaches"));
    assertThat(text(robot, "#node-name")).isEqualTo("bob");
    snapshot(robot, "attack-paths");

    // Compare the last two assessments of that scope.
    robot.clickOn("#nav-trends");
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            visible(robot, "#compare-summary") && text(robot, "#compare-summary").contains("new"));
    assertThat(text(robot, "#compare-summary")).contains("0 new findings").contains("resolved");
    snapshot(robot, "trends");
    javafx.scene.control.ScrollPane trends =
        robot.lookup(".trends").queryAs(javafx.scene.control.ScrollPane.class);
    robot.interact(() -> trends.setVvalue(1));
    snapshot(robot, "trends-compare");

    // Export a JSON report of the latest assessment.
    robot.clickOn("#nav-reports");
    waitFor(robot, "#report-export");
    robot.clickOn("#report-format-json");
    String output = robot.lookup("#report-output").queryAs(TextField.class).getText();
    assertThat(output).startsWith(reports.toString()).endsWith(".json");
    robot.clickOn("#report-export");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> text(robot, "#report-result").startsWith("Wrote the JSON"));
    JsonNode report = Json.mapper().readTree(Files.readAllBytes(Path.of(output)));
    assertThat(report.path("assessment").path("id").asText())
        .isEqualTo(context.workspace().latest().orElseThrow().id());
    assertThat(opened).contains(Path.of(output));
    // A PDF can be signed: the choice appears with the format, unsigned until a key is chosen.
    assertThat(visible(robot, "#report-sign-key")).isFalse();
    robot.clickOn("#report-format-pdf");
    waitFor(robot, "#report-sign-key");
    assertThat(text(robot, "#report-sign-key")).isEqualTo("Not signed");
    assertThat(robot.lookup("#report-output").queryAs(TextField.class).getText()).endsWith(".pdf");
    snapshot(robot, "reports");

    // Keyboard: Ctrl+1..8 go to the screens.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
    assertThat(robot.lookup("#nav-connections").queryAs(ToggleButton.class).isSelected()).isTrue();

    // Settings: the light theme back.
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT8).release(KeyCode.DIGIT8, KeyCode.CONTROL);
    waitFor(robot, "#theme-light");
    snapshot(robot, "settings");
  }

  private static PathGraphView graph(FxRobot robot) {
    return robot.lookup("#path-graph").queryAs(PathGraphView.class);
  }

  private void waitFor(FxRobot robot, String query) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visible(robot, query));
    } catch (java.util.concurrent.TimeoutException e) {
      snapshot(robot, "failure");
      throw new AssertionError("Not shown: " + query + " (see target/screenshots/failure.png)", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean visible(FxRobot robot, String query) {
    Node node = robot.lookup(query).tryQuery().orElse(null);
    if (node == null || node.getScene() == null) {
      return false;
    }
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static String text(FxRobot robot, String query) {
    Node n = robot.lookup(query).query();
    return n instanceof Label l ? l.getText() : n instanceof TextField t ? t.getText() : "";
  }

  private void snapshot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    var image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get();
    javax.imageio.ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
  }
}
