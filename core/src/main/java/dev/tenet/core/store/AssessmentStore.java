package dev.tenet.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.graph.GraphCodec;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.Weakness;
import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.score.ScoreCard;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Assessments in SQLite (WAL mode, owner-only file, schema through Flyway migrations). Each
 * assessment is saved in one transaction, so an interrupted scan never touches earlier ones.
 */
public final class AssessmentStore implements AutoCloseable {
  private static final TypeReference<List<ScopeEntry>> SCOPES = new TypeReference<>() {};
  private static final TypeReference<List<RuleTally>> TALLIES = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<AttackPath>> PATHS = new TypeReference<>() {};

  /** What a forgotten organization's name is replaced by where a record of the event remains. */
  public static final String FORGOTTEN = "[forgotten]";

  private final Path file;
  private final Connection connection;
  private final ObjectMapper json = Json.mapper();
  private final WeaknessCatalog weaknesses = WeaknessCatalog.standard();
  private final AuditLog audit = new AuditLog(this);

  private final boolean readOnly;
  private final RiskAcceptanceLog acceptances;

  private AssessmentStore(Path file, Connection connection, boolean readOnly) {
    this.file = file;
    this.connection = connection;
    this.readOnly = readOnly;
    this.acceptances = new RiskAcceptanceLog(this, connection, file);
  }

  /** Opens (creating if needed) the store at {@code file} and brings its schema up to date. */
  public static AssessmentStore open(Path file) {
    return open(file, config -> {});
  }

  /** Opens with extra SQLite settings; tests use it to emulate a full disk or a read-only file. */
  static AssessmentStore open(Path file, Consumer<SQLiteConfig> tuning) {
    Path db = file.toAbsolutePath();
    createPrivately(db);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // Deleted rows are overwritten with zeros, so a forgotten organization leaves no readable
    // remains in free pages.
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    tuning.accept(config);
    // A store on read-only media (a mounted share, a full-disk remount) can still be read.
    boolean readOnly = !writable(db);
    if (readOnly) {
      config.setReadOnly(true);
    }
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(
        readOnly
            ? "jdbc:sqlite:file:" + db.toUri().getRawPath() + "?immutable=1"
            : "jdbc:sqlite:" + db);
    Connection connection = null;
    try {
      connection = source.getConnection();
      if (!readOnly) {
        Flyway.configure()
            .dataSource(source)
            .locations("classpath:dev/tenet/core/store/migration")
            .load()
            .migrate();
      }
      return new AssessmentStore(db, connection, readOnly);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      throw SqlErrors.describe(e, db, "open the assessment store");
    }
  }

  private static boolean writable(Path db) {
    Path parent = db.getParent();
    return Files.isWritable(db) && (parent == null || Files.isWritable(parent));
  }

  private static void createPrivately(Path db) {
    Path parent = db.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      PrivateFiles.folder(parent);
    }
    if (Files.exists(db)) {
      try {
        // A store created by an older Tenet, or copied in with a wide mode: narrow it first, as
        // SQLite gives its -wal and -shm files the database's own mode.
        PrivateFiles.restrict(db);
      } catch (IOException e) {
        // Not our file to change (another owner): SQLite reports what matters when opening it.
      }
      return;
    }
    try {
      PrivateFiles.createFile(db);
    } catch (FileAlreadyExistsException raced) {
      // Another process created it first: fine.
    } catch (IOException e) {
      throw new StoreException(
          "Could not create the assessment store " + db + ": " + IoMessages.reason(e) + ".", e);
    }
  }

  public Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  /** Tenet's audit trail, kept in this store. */
  public AuditLog auditLog() {
    return audit;
  }

  /**
   * What {@link #forget} removed.
   *
   * @param assessments ids of the deleted assessments (with their findings, scores and graphs)
   * @param sharedAssessments how many of them also covered other organizations
   * @param auditEvents earlier audit events whose mention of the organization was scrubbed
   * @param riskAcceptances entries of the risk acceptance log about its resources, removed
   */
  public record Forgotten(
      List<String> assessments, int sharedAssessments, int auditEvents, int riskAcceptances) {}

  /**
   * Removes everything this store holds about an organization: every assessment whose scope
   * includes it (an assessment that also covered others is removed whole, since its findings and
   * graph mix them), its name from earlier audit events, and its entries of the risk acceptance
   * log. Deleted content is overwritten (secure_delete), the file compacted and the write-ahead log
   * truncated, so none of it remains readable in the database files.
   */
  public synchronized Forgotten forget(String platform, String target) {
    String scope = platform + ":" + target;
    try {
      List<String> ids = new ArrayList<>();
      int shared = 0;
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, scope_json FROM assessment")) {
        while (rs.next()) {
          List<ScopeEntry> scopes = json.readValue(rs.getString(2), SCOPES);
          boolean covers =
              scopes.stream()
                  .anyMatch(
                      s ->
                          s.platform().equalsIgnoreCase(platform)
                              && s.target().equalsIgnoreCase(target));
          if (covers) {
            ids.add(rs.getString(1));
            if (scopes.size() > 1) {
              shared++;
            }
          }
        }
      }
      int scrubbed;
      int accepted;
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            connection.prepareStatement("DELETE FROM assessment WHERE id = ?")) {
          for (String id : ids) {
            ps.setString(1, id);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        scrubbed = audit.scrub(connection, scope);
        accepted = acceptances.forget(connection, scope);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackAfter(e);
        throw e;
      } finally {
        restoreAutoCommit();
      }
      try (Statement st = connection.createStatement()) {
        st.execute("VACUUM");
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
      return new Forgotten(List.copyOf(ids), shared, scrubbed, accepted);
    } catch (SQLException | IOException | RuntimeException e) {
      throw SqlErrors.describe(e, file, "forget " + scope + " in");
    }
  }

  /** The risk acceptance log kept in this store. */
  public RiskAcceptanceLog riskAcceptances() {
    return acceptances;
  }

  void requireWritable(String action) {
    if (readOnly) {
      throw new StoreException(
          "Could not " + action + " " + file + ": the database or its folder is read-only.");
    }
  }

  /** Saves an assessment and its graph snapshot, all or nothing. */
  public synchronized void save(Assessment a, TrustGraph graph) {
    if (readOnly) {
      throw new StoreException(
          "Could not save the assessment to "
              + file
              + ": the database or its folder is read-only.");
    }
    try {
      connection.setAutoCommit(false);
      insertAssessment(a);
      insertPillars(a);
      insertFindings(a);
      if (graph != null) {
        try (PreparedStatement ps =
            connection.prepareStatement("INSERT INTO graph_snapshot VALUES (?, ?, ?)")) {
          ps.setString(1, a.id());
          ps.setString(2, GraphCodec.FORMAT);
          ps.setBytes(3, GraphCodec.encode(graph));
          ps.executeUpdate();
        }
      }
      connection.commit();
    } catch (SQLException | JsonProcessingException | RuntimeException e) {
      rollbackAfter(e);
      throw SqlErrors.describe(e, file, "save the assessment to");
    } finally {
      restoreAutoCommit();
    }
  }

  /**
   * Rolls back after a failed save. SQLite may already have rolled back by itself (a full disk does
   * that), so a failing rollback must not hide the error that caused it.
   */
  private void rollbackAfter(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException alreadyRolledBack) {
      cause.addSuppressed(alreadyRolledBack);
    }
  }

  private void restoreAutoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException noTransactionLeft) {
      // SQLite ended the transaction itself; the connection is in autocommit mode again.
    }
  }

  private void insertAssessment(Assessment a) throws SQLException, JsonProcessingException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO assessment (id, started_at, finished_at, tool, scope_json, overall, grade,"
                + " score_json, tallies_json, resources, relations, blind_spots, api_requests,"
                + " not_modified, duration_ms, finding_count, attack_paths_json, exposure_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, a.id());
      ps.setString(2, a.startedAt().toString());
      ps.setString(3, a.finishedAt().toString());
      ps.setString(4, a.tool());
      ps.setString(5, json.writeValueAsString(a.scope()));
      ps.setObject(6, a.score().overall());
      ps.setString(7, a.score().grade());
      ps.setString(8, json.writeValueAsString(a.score()));
      ps.setString(9, json.writeValueAsString(a.tallies()));
      ps.setInt(10, a.coverage().resources());
      ps.setInt(11, a.coverage().relations());
      ps.setInt(12, a.coverage().blindSpots());
      ps.setLong(13, a.stats().apiRequests());
      ps.setLong(14, a.stats().notModified());
      ps.setLong(15, a.stats().durationMs());
      ps.setInt(16, a.findings().size());
      ps.setString(17, json.writeValueAsString(a.attackPaths()));
      ps.setString(18, json.writeValueAsString(a.exposure()));
      ps.executeUpdate();
    }
  }

  private void insertPillars(Assessment a) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO pillar_score VALUES (?, ?, ?, ?)")) {
      for (var p : a.score().pillars().values()) {
        ps.setString(1, a.id());
        ps.setString(2, p.pillar().id());
        ps.setObject(3, p.score());
        ps.setString(4, p.grade());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void insertFindings(Assessment a) throws SQLException, JsonProcessingException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO finding VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int batch = 0;
      for (Finding f : a.findings()) {
        ps.setString(1, a.id());
        ps.setString(2, f.id());
        ps.setString(3, f.ruleId());
        ps.setString(4, f.weakness().id());
        ps.setString(5, f.pillar().id());
        ps.setString(6, f.severity().id());
        ps.setString(7, f.title());
        ps.setString(8, f.message());
        ps.setString(9, f.resource());
        ps.setString(10, f.platform());
        Location l = f.location();
        ps.setString(11, l == null ? null : l.file());
        ps.setObject(12, l == null ? null : l.line());
        ps.setObject(13, l == null ? null : l.column());
        ps.setString(14, json.writeValueAsString(f.evidence()));
        ps.setString(15, json.writeValueAsString(f.remediation()));
        ps.addBatch();
        if (++batch % 1000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Every stored assessment, oldest first. */
  public synchronized List<AssessmentSummary> history() {
    String sql =
        "SELECT id, started_at, finished_at, scope_json, overall, grade, finding_count,"
            + " blind_spots FROM assessment ORDER BY started_at, id";
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      List<AssessmentSummary> out = new ArrayList<>();
      while (rs.next()) {
        String id = rs.getString(1);
        out.add(
            new AssessmentSummary(
                id,
                Instant.parse(rs.getString(2)),
                Instant.parse(rs.getString(3)),
                json.readValue(rs.getString(4), SCOPES),
                (Integer) rs.getObject(5),
                rs.getString(6),
                pillarScores(id),
                rs.getInt(7),
                rs.getInt(8)));
      }
      return out;
    } catch (SQLException | IOException e) {
      throw SqlErrors.describe(e, file, "read the history of");
    }
  }

  private Map<Pillar, Integer> pillarScores(String id) throws SQLException {
    Map<Pillar, Integer> scores = new EnumMap<>(Pillar.class);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT pillar, score FROM pillar_score WHERE assessment_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          scores.put(Pillar.fromId(rs.getString(1)), (Integer) rs.getObject(2));
        }
      }
    }
    return scores;
  }

  /**
   * Finds an assessment by reference: its id, a unique prefix of it, {@code latest}, or {@code
   * latest~N} (N assessments before the latest).
   */
  public synchronized Optional<String> resolve(String reference) {
    List<String> ids = history().stream().map(AssessmentSummary::id).toList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    if (reference.equals("latest") || reference.startsWith("latest~")) {
      int back = reference.equals("latest") ? 0 : parseBack(reference);
      int index = ids.size() - 1 - back;
      return index >= 0 && back >= 0 ? Optional.of(ids.get(index)) : Optional.empty();
    }
    if (ids.contains(reference)) {
      return Optional.of(reference);
    }
    List<String> matches = ids.stream().filter(id -> id.startsWith(reference)).toList();
    if (matches.size() > 1) {
      throw new StoreException(
          "'" + reference + "' matches " + matches.size() + " assessments; give more of the id.");
    }
    return matches.stream().findFirst();
  }

  private static int parseBack(String reference) {
    try {
      return Integer.parseInt(reference.substring("latest~".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public synchronized Assessment load(String id) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, started_at, finished_at, tool, scope_json, score_json, tallies_json,"
                + " resources, relations, blind_spots, api_requests, not_modified, duration_ms,"
                + " attack_paths_json, exposure_json FROM assessment WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("No assessment '" + id + "' in " + file + ".");
        }
        return new Assessment(
            rs.getString(1),
            Instant.parse(rs.getString(2)),
            Instant.parse(rs.getString(3)),
            rs.getString(4),
            json.readValue(rs.getString(5), SCOPES),
            findings(id),
            json.readValue(rs.getString(7), TALLIES),
            json.readValue(rs.getString(6), ScoreCard.class),
            json.readValue(rs.getString(14), PATHS),
            new Coverage(rs.getInt(8), rs.getInt(9), rs.getInt(10)),
            new ScanStats(rs.getLong(11), rs.getLong(12), rs.getLong(13)),
            rs.getString(15) == null
                ? Exposure.NONE
                : json.readValue(rs.getString(15), Exposure.class));
      }
    } catch (SQLException | IOException e) {
      throw SqlErrors.describe(e, file, "read the assessment from");
    }
  }

  private List<Finding> findings(String id) throws SQLException, IOException {
    List<Finding> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, rule_id, weakness, pillar, severity, title, message, resource, file, line,"
                + " col, evidence_json, remediation_json FROM finding WHERE assessment_id = ?"
                + " ORDER BY rowid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String weaknessId = rs.getString(3);
          Pillar pillar = Pillar.fromId(rs.getString(4));
          // A weakness removed from a later taxonomy still reads back, under its stored pillar.
          Weakness weakness =
              weaknesses
                  .find(weaknessId)
                  .orElseGet(
                      () ->
                          new Weakness(
                              weaknessId,
                              pillar,
                              weaknessId,
                              List.of(),
                              List.of(),
                              List.of(),
                              Severity.MEDIUM));
          String fileName = rs.getString(9);
          out.add(
              new Finding(
                  rs.getString(1),
                  rs.getString(2),
                  weakness,
                  Severity.fromId(rs.getString(5)),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  fileName == null ? null : new Location(fileName, rs.getInt(10), rs.getInt(11)),
                  json.readValue(rs.getString(12), MAP),
                  json.readValue(rs.getString(13), STRINGS)));
        }
      }
    }
    return out;
  }

  /** The trust graph an assessment was judged on, if it was stored. */
  public synchronized Optional<TrustGraph> graph(String id) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT data FROM graph_snapshot WHERE assessment_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(GraphCodec.decode(rs.getBytes(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlErrors.describe(e, file, "read the trust graph from");
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing after a failure: the first error is the one worth reporting.
      }
    }
  }
}
