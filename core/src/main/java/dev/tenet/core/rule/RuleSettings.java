package dev.tenet.core.rule;

import java.util.List;

/**
 * Thresholds that rules read instead of hard-coding them, so a team can tune them.
 *
 * @param adminInactiveDays an owner unseen for this many days counts as inactive, and so does an
 *     access key unused for as long
 * @param maxAdmins more owners or administrators than this is excessive
 * @param secretRotationDays a secret or access key older than this is stale
 * @param trustedActionOwners owners whose actions may be pinned by tag (first-party policy)
 */
public record RuleSettings(
    int adminInactiveDays,
    int maxAdmins,
    int secretRotationDays,
    List<String> trustedActionOwners) {

  public RuleSettings {
    trustedActionOwners = List.copyOf(trustedActionOwners);
  }

  public static RuleSettings defaults() {
    return new RuleSettings(90, 5, 365, List.of());
  }
}
