package dev.tenet.core.assessment;

import java.time.Instant;
import java.util.Locale;

/**
 * One entry of the risk acceptance log: a finding accepted (with reason, owner and expiry) or an
 * acceptance revoked. The log is append-only; the state of an acceptance is its latest event.
 *
 * @param seq order in the log
 * @param reason why the risk is accepted, or why the acceptance is revoked
 * @param owner who answers for the accepted risk (accept only)
 * @param expiresAt when the acceptance lapses (accept only)
 * @param actor who recorded the event (the account that ran the command)
 * @param recordedAt when it was recorded
 * @param ruleId the rule of the finding, as it was when accepted
 * @param resource the resource of the finding, as it was when accepted
 * @param title the title of the finding, as it was when accepted
 * @param assessmentId the assessment the finding was accepted from
 */
public record RiskAcceptanceEvent(
    long seq,
    String findingId,
    Action action,
    String reason,
    String owner,
    Instant expiresAt,
    String actor,
    Instant recordedAt,
    String ruleId,
    String resource,
    String title,
    String assessmentId) {

  /** What an event does. */
  public enum Action {
    ACCEPT,
    REVOKE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  /** The acceptance this event records (accept events only). */
  public RiskAcceptance acceptance() {
    if (action != Action.ACCEPT) {
      throw new IllegalStateException("A revocation is not an acceptance");
    }
    return new RiskAcceptance(findingId, reason, owner, expiresAt, recordedAt);
  }
}
