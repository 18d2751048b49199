package dev.tenet.core.model;

import java.util.Arrays;
import java.util.Locale;

/** Finding severity, ordered from worst to mildest. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is the given one or worse. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  public static Severity fromId(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id().equalsIgnoreCase(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown severity '"
                        + id
                        + "' (expected critical, high, medium, low or info)"));
  }
}
