package dev.tenet.core.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action Tenet took, as its audit trail shows it. Holds names and references, never a secret.
 *
 * @param id the event's number in the trail (0 before it is recorded)
 * @param actor the OS user who ran Tenet
 * @param target what it acted on: an organization, a report file, a credential's name
 * @param scopes the organizations it concerns, as {@code platform:target}
 * @param details further facts (assessment id, format, score)
 */
public record AuditEvent(
    long id,
    Instant at,
    String actor,
    String action,
    String target,
    List<String> scopes,
    Map<String, Object> details) {

  public AuditEvent {
    scopes = List.copyOf(scopes);
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static AuditEvent of(
      Instant at,
      String actor,
      AuditAction action,
      String target,
      List<String> scopes,
      Map<String, Object> details) {
    return new AuditEvent(0, at, actor, action.id(), target, scopes, details);
  }
}
