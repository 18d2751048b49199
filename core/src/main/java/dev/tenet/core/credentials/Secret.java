package dev.tenet.core.credentials;

import java.util.Arrays;

/**
 * A credential value. It never prints itself: {@code toString()} is a placeholder, so a token
 * cannot leak through a log line, an exception message or a debugger's variable view by accident.
 * Only the HTTP layer and the credential store call {@link #reveal()}.
 *
 * <p>Every secret made here is also remembered by {@link Redactor}, which masks its exact value in
 * any log line, error or evidence that would otherwise show it, whatever its format.
 */
public final class Secret {
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
    Redactor.remember(this);
  }

  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A secret cannot be empty");
    }
    return new Secret(value.strip().toCharArray());
  }

  /**
   * A secret from characters read at a prompt; surrounding whitespace (a pasted newline) is left
   * out. The caller's array is left as it was, so it can wipe it.
   */
  public static Secret of(char[] typed) {
    int start = 0;
    int end = typed == null ? 0 : typed.length;
    while (start < end && Character.isWhitespace(typed[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(typed[end - 1])) {
      end--;
    }
    if (start == end) {
      throw new IllegalArgumentException("A secret cannot be empty");
    }
    return new Secret(Arrays.copyOfRange(typed, start, end));
  }

  /** The value itself, for the one place that must send or store it. */
  public String reveal() {
    return new String(value);
  }

  /** Whether {@link #destroy()} has wiped it. */
  public boolean isDestroyed() {
    for (char c : value) {
      if (c != '\0') {
        return false;
      }
    }
    return true;
  }

  /** Overwrites the value in memory once it is no longer needed. */
  public void destroy() {
    Arrays.fill(value, '\0');
  }

  /** The value for {@link Redactor} only; null once destroyed. */
  char[] valueForRedaction() {
    return isDestroyed() ? null : value;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
