package dev.tenet.core.assessment;

import java.time.Instant;

/**
 * A finding someone accepted as a known risk: it stays visible as accepted and stops lowering the
 * score until it expires.
 *
 * @param findingId the stable finding id (so the acceptance carries over to later assessments)
 */
public record RiskAcceptance(
    String findingId, String reason, String owner, Instant expiresAt, Instant acceptedAt) {

  public boolean activeAt(Instant when) {
    return expiresAt == null || when.isBefore(expiresAt);
  }
}
