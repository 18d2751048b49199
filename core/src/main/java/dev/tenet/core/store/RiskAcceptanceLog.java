package dev.tenet.core.store;

import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.assessment.RiskAcceptances;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only log of risk acceptances and revocations, in the assessment store. The database
 * itself refuses to change or delete an entry (triggers), so the log stays an audit trail.
 */
public final class RiskAcceptanceLog {
  private final AssessmentStore store;
  private final Connection connection;
  private final Path file;

  RiskAcceptanceLog(AssessmentStore store, Connection connection, Path file) {
    this.store = store;
    this.connection = connection;
    this.file = file;
  }

  /** Appends an event (its seq is assigned here) and returns it as stored. */
  public RiskAcceptanceEvent append(RiskAcceptanceEvent e) {
    synchronized (store) {
      store.requireWritable("record the risk acceptance in");
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO risk_acceptance_event (finding_id, action, reason, owner, expires_at,"
                  + " actor, recorded_at, rule_id, resource, title, assessment_id)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, e.findingId());
        ps.setString(2, e.action().id());
        ps.setString(3, e.reason());
        ps.setString(4, e.owner());
        ps.setString(5, e.expiresAt() == null ? null : e.expiresAt().toString());
        ps.setString(6, e.actor());
        ps.setString(7, e.recordedAt().toString());
        ps.setString(8, e.ruleId());
        ps.setString(9, e.resource());
        ps.setString(10, e.title());
        ps.setString(11, e.assessmentId());
        ps.executeUpdate();
        long seq;
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          seq = keys.getLong(1);
        }
        return new RiskAcceptanceEvent(
            seq,
            e.findingId(),
            e.action(),
            e.reason(),
            e.owner(),
            e.expiresAt(),
            e.actor(),
            e.recordedAt(),
            e.ruleId(),
            e.resource(),
            e.title(),
            e.assessmentId());
      } catch (SQLException ex) {
        throw SqlErrors.describe(ex, file, "record the risk acceptance in");
      }
    }
  }

  /** Every event, oldest first. */
  public List<RiskAcceptanceEvent> events() {
    synchronized (store) {
      String sql =
          "SELECT seq, finding_id, action, reason, owner, expires_at, actor, recorded_at, rule_id,"
              + " resource, title, assessment_id FROM risk_acceptance_event ORDER BY seq";
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        List<RiskAcceptanceEvent> out = new ArrayList<>();
        while (rs.next()) {
          String expires = rs.getString(6);
          out.add(
              new RiskAcceptanceEvent(
                  rs.getLong(1),
                  rs.getString(2),
                  RiskAcceptanceEvent.Action.fromId(rs.getString(3)),
                  rs.getString(4),
                  rs.getString(5),
                  expires == null ? null : Instant.parse(expires),
                  rs.getString(7),
                  Instant.parse(rs.getString(8)),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12)));
        }
        return out;
      } catch (SQLException ex) {
        if (String.valueOf(ex.getMessage()).contains("no such table: risk_acceptance_event")) {
          return List.of(); // A read-only store from before acceptances existed has none.
        }
        throw SqlErrors.describe(ex, file, "read the risk acceptances from");
      }
    }
  }

  /** The log replayed: what is accepted at any moment. */
  public RiskAcceptances replay() {
    return RiskAcceptances.of(events());
  }

  /**
   * Forgetting an organization is the one deletion the log allows: its entries (whose resource lies
   * in that scope) are removed, with the no-delete guard lifted for this statement only. Runs
   * inside the store's forget transaction, so the guard is never missing outside it.
   */
  int forget(Connection c, String scope) throws SQLException {
    String guard = null;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
                    + " AND name = 'risk_acceptance_no_delete'")) {
      if (rs.next()) {
        guard = rs.getString(1);
      }
    }
    String s = scope.toLowerCase(java.util.Locale.ROOT);
    String like = s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    int n;
    try (Statement st = c.createStatement()) {
      if (guard != null) {
        st.execute("DROP TRIGGER risk_acceptance_no_delete");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM risk_acceptance_event WHERE lower(resource) = ?"
                  + " OR lower(resource) LIKE ? ESCAPE '\\' OR lower(resource) LIKE ? ESCAPE '\\'")) {
        ps.setString(1, s);
        ps.setString(2, like + "/%");
        ps.setString(3, like + "#%");
        n = ps.executeUpdate();
      }
      if (guard != null) {
        st.execute(guard);
      }
    }
    return n;
  }
}
