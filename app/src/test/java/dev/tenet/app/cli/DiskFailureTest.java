package dev.tenet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk and a real read-only file system, on a small tmpfs. Needs root (CI runs as
 * root); elsewhere the same failures are covered at store level by AssessmentStoreTest.
 */
class DiskFailureTest {
  @TempDir Path temp;
  private Path mount;

  private static int sh(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  private void mountTmpfs(long bytes) throws Exception {
    mount = temp.resolve("mnt");
    Files.createDirectories(mount);
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && sh(
                    "mount",
                    "-t",
                    "tmpfs",
                    "-o",
                    "size=" + Math.max(64, bytes / 1024) + "k",
                    "tmpfs",
                    mount.toString())
                == 0,
        "needs root and tmpfs to emulate a full or read-only disk");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      sh("umount", mount.toString());
    }
  }

  private Path seededDatabase() {
    Path seed = temp.resolve("seed.db");
    assertThat(CliRun.run(temp, Map.of(), "-q", "scan", "--demo", "--db", seed.toString()).code)
        .isZero();
    return seed;
  }

  @Test
  void aFullDiskIsOneSentenceAndEarlierAssessmentsSurvive() throws Exception {
    Path seed = seededDatabase();
    mountTmpfs(Files.size(seed) + 48 * 1024);
    Path db = mount.resolve("tenet.db");
    Files.copy(seed, db);

    CliRun full = CliRun.run(temp, Map.of(), "-q", "scan", "--demo", "--db", db.toString());
    assertThat(full.code).isEqualTo(1);
    assertThat(full.err.strip())
        .isEqualTo("tenet: Could not save the assessment to " + db + ": the disk is full.");

    CliRun history = CliRun.run(temp, Map.of(), "history", "--json", "--db", db.toString());
    assertThat(history.code).isZero();
    assertThat(history.out).contains("\"overall\"");
    assertThat(CliRun.run(temp, Map.of(), "report", "--db", db.toString()).code).isZero();
  }

  @Test
  void aReadOnlyDiskIsOneSentenceAndHistoryStillReads() throws Exception {
    Path seed = seededDatabase();
    mountTmpfs(4 * Files.size(seed) + 256 * 1024);
    Path db = mount.resolve("tenet.db");
    Files.copy(seed, db);
    assertThat(sh("mount", "-o", "remount,ro", mount.toString())).isZero();

    CliRun run = CliRun.run(temp, Map.of(), "-q", "scan", "--demo", "--db", db.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err.strip()).startsWith("tenet: Could not ").endsWith("read-only.");
    assertThat(CliRun.run(temp, Map.of(), "history", "--db", db.toString()).out)
        .contains("acme-corp");
  }
}
