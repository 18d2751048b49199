package dev.tenet.core.audit;

import java.time.Instant;

/**
 * Which audit events to read: all by default, newest last.
 *
 * @param since only events at or after this instant, or null
 * @param action only this action id (e.g. {@code scan.started}), or null
 * @param limit at most this many (the newest), or 0 for all
 */
public record AuditQuery(Instant since, String action, int limit) {
  public static AuditQuery all() {
    return new AuditQuery(null, null, 0);
  }
}
