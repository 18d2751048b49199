package dev.tenet.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail, in the assessment store's database. Everything recorded passes through {@link
 * Redactor} first, so even a caller's mistake cannot put a secret into it.
 */
public final class AuditLog {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final AssessmentStore store;
  private final ObjectMapper json = Json.mapper();

  AuditLog(AssessmentStore store) {
    this.store = store;
  }

  /** Records an event and returns it with its number. */
  public AuditEvent record(AuditEvent event) {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO audit_event (at, actor, action, target, scopes, details_json)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, event.at().toString());
        ps.setString(2, Redactor.redact(event.actor()));
        ps.setString(3, event.action());
        ps.setString(4, Redactor.redact(event.target()));
        ps.setString(5, scopeTokens(event.scopes()));
        ps.setString(6, json.writeValueAsString(Redactor.evidence(event.details())));
        ps.executeUpdate();
        long id;
        try (ResultSet keys = ps.getGeneratedKeys()) {
          id = keys.next() ? keys.getLong(1) : 0;
        }
        return new AuditEvent(
            id,
            event.at(),
            event.actor(),
            event.action(),
            event.target(),
            event.scopes(),
            event.details());
      } catch (SQLException | IOException e) {
        throw SqlErrors.describe(e, store.file(), "record an audit event in");
      }
    }
  }

  /** Events matching the query, oldest first. */
  public List<AuditEvent> events(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, action, target, scopes, details_json FROM audit_event WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (query.since() != null) {
      sql.append(" AND at >= ?");
      args.add(query.since().toString());
    }
    if (query.action() != null) {
      sql.append(" AND action = ?");
      args.add(query.action());
    }
    sql.append(" ORDER BY id DESC");
    if (query.limit() > 0) {
      sql.append(" LIMIT ").append(query.limit());
    }
    synchronized (store) {
      try (PreparedStatement ps = store.connection().prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        List<AuditEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new AuditEvent(
                    rs.getLong(1),
                    Instant.parse(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    scopesOf(rs.getString(6)),
                    json.readValue(rs.getString(7), MAP)));
          }
        }
        Collections.reverse(out);
        return out;
      } catch (SQLException | IOException e) {
        throw SqlErrors.describe(e, store.file(), "read the audit trail of");
      }
    }
  }

  /**
   * Scrubs an organization from earlier events: they keep their action and time, but their target
   * and details, which name it, are replaced. Runs inside the store's forget transaction.
   */
  int scrub(Connection c, String scope) throws SQLException {
    String token = " " + scope.toLowerCase(Locale.ROOT) + " ";
    int n;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_event SET target = ?, details_json = '{}',"
                + " scopes = replace(scopes, ?, ' ') WHERE instr(scopes, ?) > 0")) {
      ps.setString(1, AssessmentStore.FORGOTTEN);
      ps.setString(2, token);
      ps.setString(3, token);
      n = ps.executeUpdate();
    }
    return n;
  }

  static String scopeTokens(List<String> scopes) {
    StringBuilder out = new StringBuilder(" ");
    for (String s : scopes) {
      out.append(s.toLowerCase(Locale.ROOT).replace(' ', '_')).append(' ');
    }
    return out.toString();
  }

  private static List<String> scopesOf(String tokens) {
    return Arrays.stream(tokens.strip().split(" ")).filter(s -> !s.isEmpty()).toList();
  }
}
