package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.graph.TrustGraph;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process while it saves assessments, then checks that the store opens, passes
 * SQLite's integrity check, and that every assessment it lists is complete.
 */
class StoreKillTest {
  @TempDir Path temp;

  /** The victim: saves large assessments in a loop until killed. */
  public static void main(String[] args) {
    Path db = Path.of(args[0]);
    TrustGraph graph = Assessments.organization(1500).graph();
    try (AssessmentStore store = AssessmentStore.open(db)) {
      Instant t = Instant.parse("2026-01-01T00:00:00Z");
      while (true) {
        t = t.plusSeconds(60);
        store.save(Assessments.of(graph, t), graph);
      }
    }
  }

  @Test
  void aKillMidSaveNeverCorruptsEarlierAssessments() throws Exception {
    Path db = temp.resolve("tenet.db");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add(StoreKillTest.class.getName());
    command.add(db.toString());
    Process victim =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("victim.log").toFile())
            .start();
    try {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (saved(db) < 2 && Instant.now().isBefore(deadline) && victim.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(victim.isAlive()).as("victim still saving").isTrue();
      Thread.sleep(137); // land somewhere inside the next save
    } finally {
      victim.destroyForcibly().waitFor();
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    try (AssessmentStore store = AssessmentStore.open(db)) {
      List<AssessmentSummary> history = store.history();
      assertThat(history).hasSizeGreaterThanOrEqualTo(2);
      for (AssessmentSummary s : history) {
        Assessment a = store.load(s.id());
        assertThat(a.findings()).hasSize(s.findings());
        assertThat(store.graph(s.id())).isPresent();
      }
    }
  }

  private static int saved(Path db) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM assessment")) {
      return rs.getInt(1);
    } catch (Exception notYet) {
      return 0;
    }
  }
}
