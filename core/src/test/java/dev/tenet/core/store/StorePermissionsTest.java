package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store and everything SQLite writes beside it are readable by their owner only. */
class StorePermissionsTest {
  @TempDir Path temp;

  @Test
  void aNewStoreAndItsLogFilesAreOwnerOnly() throws Exception {
    Path db = temp.resolve("data/tenet.db");
    try (AssessmentStore store = AssessmentStore.open(db)) {
      store.history();
      assertThat(mode(db.getParent())).isEqualTo("rwx------");
      assertThat(mode(db)).isEqualTo("rw-------");
      assertThat(mode(Path.of(db + "-wal"))).isEqualTo("rw-------");
      assertThat(mode(Path.of(db + "-shm"))).isEqualTo("rw-------");
    }
  }

  @Test
  void aWorldReadableStoreIsNarrowedWhenOpened() throws Exception {
    Path db = temp.resolve("tenet.db");
    AssessmentStore.open(db).close();
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    Files.deleteIfExists(Path.of(db + "-wal"));
    Files.deleteIfExists(Path.of(db + "-shm"));

    try (AssessmentStore store = AssessmentStore.open(db)) {
      store.history();
      assertThat(mode(db)).isEqualTo("rw-------");
      assertThat(mode(Path.of(db + "-wal"))).isEqualTo("rw-------");
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
