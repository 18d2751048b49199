package dev.tenet.app.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.store.StoreException;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Tenet's audit trail as both faces use it: the services record what they do (scans, exports, risk
 * acceptances, credentials, forgotten organizations), the CLI's {@code tenet audit} and the console
 * list and export it. Records names and references, never secrets.
 */
public final class AuditService {
  public static final String EXPORT_SCHEMA = "tenet.audit/v1";

  private static final System.Logger LOG = System.getLogger("dev.tenet.audit");

  private final Workspace workspace;
  private final Clock clock;
  private final String actor;

  public AuditService(Workspace workspace, Clock clock, String actor) {
    this.workspace = workspace;
    this.clock = clock;
    this.actor = actor == null || actor.isBlank() ? "unknown" : actor;
  }

  /** The OS user running Tenet, as the trail names who acted. */
  public static String currentUser() {
    return System.getProperty("user.name", "unknown");
  }

  /**
   * Records an event. A store that cannot take it (read-only media) does not stop the action it
   * describes: the failure is logged as a warning instead, and null returned.
   */
  public AuditEvent record(
      AuditAction action, String target, List<String> scopes, Map<String, Object> details) {
    try {
      return workspace
          .store()
          .auditLog()
          .record(AuditEvent.of(clock.instant(), actor, action, target, scopes, details));
    } catch (StoreException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Tenet could not record " + action.id() + " in its audit trail: " + e.getMessage());
      return null;
    }
  }

  /** Records that a risk was accepted (for the risk-acceptance feature to call). */
  public AuditEvent riskAccepted(
      String findingId, String resource, String reason, java.time.Instant expiresAt) {
    String scope = organizationOf(resource);
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("finding", findingId);
    details.put("reason", reason);
    if (expiresAt != null) {
      details.put("expiresAt", expiresAt.toString());
    }
    return record(AuditAction.RISK_ACCEPTED, resource, List.of(scope), details);
  }

  /** Records that an accepted risk was revoked before its expiry. */
  public AuditEvent riskRevoked(String findingId, String resource, String reason) {
    return record(
        AuditAction.RISK_REVOKED,
        resource,
        List.of(organizationOf(resource)),
        Map.of("finding", findingId, "reason", reason));
  }

  /** The organization a resource id belongs to, as {@code platform:org}. */
  static String organizationOf(String resource) {
    String scope = ResourceId.scopeOf(resource);
    String path = scope.substring(scope.indexOf(':') + 1);
    int slash = path.indexOf('/');
    return ResourceId.platformOf(resource) + ":" + (slash < 0 ? path : path.substring(0, slash));
  }

  public List<AuditEvent> events(AuditQuery query) {
    return workspace.store().auditLog().events(query);
  }

  /** Writes events as JSON ({@value #EXPORT_SCHEMA}), for auditors and other tools. */
  public void export(List<AuditEvent> events, OutputStream out) throws IOException {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schema", EXPORT_SCHEMA);
    ArrayNode list = root.putArray("events");
    for (AuditEvent e : events) {
      ObjectNode n = list.addObject();
      n.put("id", e.id());
      n.put("at", e.at().toString());
      n.put("actor", e.actor());
      n.put("action", e.action());
      n.put("target", e.target());
      n.set("scopes", Json.mapper().valueToTree(e.scopes()));
      n.set("details", Json.mapper().valueToTree(e.details()));
    }
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(nonClosing(out), root);
    out.write('\n');
    out.flush();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
