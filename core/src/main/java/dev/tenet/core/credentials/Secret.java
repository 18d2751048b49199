package dev.tenet.core.credentials;

import java.util.Arrays;

/**
 * A credential value. It never prints itself: {@code toString()} is a placeholder, so a token
 * cannot leak through a log line, an exception message or a debugger's variable view by accident.
 * Only the HTTP layer calls {@link #reveal()}, to build the request header.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A secret cannot be empty");
    }
    return new Secret(value.strip().toCharArray());
  }

  /** The value itself, for the one place that must send it. */
  public String reveal() {
    return new String(value);
  }

  /** Overwrites the value in memory once it is no longer needed. */
  public void destroy() {
    Arrays.fill(value, '\0');
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
