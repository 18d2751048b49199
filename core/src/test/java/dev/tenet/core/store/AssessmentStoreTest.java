package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Pillar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path temp;

  @Test
  void savesAndLoadsAnAssessmentWithItsGraph() {
    TrustGraph graph = Assessments.organization(3).graph();
    Assessment saved = Assessments.of(graph, T0);
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      store.save(saved, graph);

      Assessment loaded = store.load(saved.id());
      assertThat(loaded.findings()).isEqualTo(saved.findings());
      assertThat(loaded.score()).isEqualTo(saved.score());
      assertThat(loaded.tallies()).isEqualTo(saved.tallies());
      assertThat(loaded.scope()).isEqualTo(saved.scope());
      assertThat(loaded.stats()).isEqualTo(saved.stats());
      assertThat(loaded.coverage()).isEqualTo(saved.coverage());

      TrustGraph back = store.graph(saved.id()).orElseThrow();
      assertThat(back.entityCount()).isEqualTo(graph.entityCount());
      assertThat(back.relationCount()).isEqualTo(graph.relationCount());
      assertThat(back.get("github:acme/repo-0#branch/main").asMap())
          .isEqualTo(graph.get("github:acme/repo-0#branch/main").asMap());
    }
  }

  @Test
  void historyIsOrderedAndReferencesResolve() {
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      Assessment first = Assessments.of(Assessments.organization(4).graph(), T0);
      Assessment second = Assessments.of(Assessments.organization(1).graph(), T0.plusSeconds(3600));
      store.save(second, null);
      store.save(first, null);

      List<AssessmentSummary> history = store.history();
      assertThat(history)
          .extracting(AssessmentSummary::id)
          .containsExactly(first.id(), second.id());
      assertThat(history.get(1).overall()).isEqualTo(second.score().overall());
      assertThat(history.get(1).pillars().get(Pillar.INTEGRITY))
          .isEqualTo(second.score().pillar(Pillar.INTEGRITY).score());
      assertThat(history.get(0).findings()).isEqualTo(first.findings().size());

      assertThat(store.resolve("latest")).contains(second.id());
      assertThat(store.resolve("latest~1")).contains(first.id());
      assertThat(store.resolve("latest~2")).isEmpty();
      assertThat(store.resolve(first.id().substring(0, 22))).contains(first.id());
      assertThatThrownBy(() -> store.resolve("2026")).hasMessageContaining("matches 2 assessments");
      assertThat(store.graph(first.id())).isEmpty();
      assertThatThrownBy(() -> store.load("nope")).hasMessageContaining("No assessment 'nope'");
    }
  }

  @Test
  void createsTheDatabaseAndItsFolderForTheOwnerOnly() throws Exception {
    Path db = temp.resolve("data/tenet/tenet.db");
    try (AssessmentStore store = AssessmentStore.open(db)) {
      store.save(Assessments.of(Assessments.organization(1).graph(), T0), null);
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent())))
        .isEqualTo("rwx------");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void aFullDiskFailsTheSaveWithOneSentenceAndKeepsEarlierAssessments() throws Exception {
    Path db = temp.resolve("tenet.db");
    Assessment kept = Assessments.of(Assessments.organization(2).graph(), T0);
    try (AssessmentStore store = AssessmentStore.open(db)) {
      store.save(kept, null);
    }
    long pages;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA page_count")) {
      pages = rs.getLong(1);
    }
    TrustGraph big = Assessments.organization(400).graph();
    try (AssessmentStore full = AssessmentStore.open(db, c -> c.setMaxPageCount((int) pages + 1))) {
      assertThatThrownBy(() -> full.save(Assessments.of(big, T0.plusSeconds(60)), big))
          .isInstanceOf(StoreException.class)
          .hasMessage("Could not save the assessment to " + db + ": the disk is full.");
    }
    try (AssessmentStore store = AssessmentStore.open(db)) {
      assertThat(store.history()).extracting(AssessmentSummary::id).containsExactly(kept.id());
      assertThat(store.load(kept.id()).findings()).isEqualTo(kept.findings());
    }
  }

  @Test
  void aReadOnlyStoreFailsTheSaveWithOneSentence() {
    Path db = temp.resolve("tenet.db");
    AssessmentStore.open(db).close();
    try (AssessmentStore store = AssessmentStore.open(db, c -> c.setReadOnly(true))) {
      assertThatThrownBy(
              () -> store.save(Assessments.of(Assessments.organization(1).graph(), T0), null))
          .isInstanceOf(StoreException.class)
          .hasMessageEndingWith(": the database or its folder is read-only.");
      assertThat(store.history()).isEmpty();
    }
  }

  @Test
  void aFileThatIsNotADatabaseIsRejectedWithoutBeingTouched() throws Exception {
    Path db = temp.resolve("notes.db");
    byte[] garbage = "this is not a database, it is a shopping list\n".repeat(200).getBytes();
    Files.write(db, garbage);
    assertThatThrownBy(() -> AssessmentStore.open(db))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "Could not open the assessment store "
                + db
                + ": it is not a Tenet database, or it is damaged.");
    assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
  }

  @Test
  void aFolderThatCannotBeCreatedIsOneSentence() throws Exception {
    Path blocker = temp.resolve("file");
    Files.writeString(blocker, "x");
    assertThatThrownBy(() -> AssessmentStore.open(blocker.resolve("sub/tenet.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("Cannot create the folder " + blocker.resolve("sub"));
  }
}
