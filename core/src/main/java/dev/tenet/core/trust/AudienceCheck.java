package dev.tenet.core.trust;

import java.util.List;

/**
 * Whether a trust statement pins the token's audience.
 *
 * @param status pinned to exact values, missing, or only matched by a wildcard
 * @param values the audience values the statement names
 * @param operator the operator of the condition that decides, or empty
 */
public record AudienceCheck(Status status, List<String> values, String operator) {
  public enum Status {
    PINNED,
    MISSING,
    WILDCARD
  }

  public AudienceCheck {
    values = List.copyOf(values);
  }
}
