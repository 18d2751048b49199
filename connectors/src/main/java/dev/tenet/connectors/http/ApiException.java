package dev.tenet.connectors.http;

/**
 * A request that failed for good (after retries). The message names the URL path and the reason and
 * never contains a credential.
 */
public final class ApiException extends Exception {
  /** Why it failed, in the terms a connector decides on. */
  public enum Kind {
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    RATE_LIMITED,
    SERVER_ERROR,
    CLIENT_ERROR,
    UNREACHABLE,
    TIMEOUT,
    INVALID_RESPONSE,
    REFUSED
  }

  private final Kind kind;
  private final int status;
  private final String path;

  public ApiException(Kind kind, int status, String path, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.path = path;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when no response came. */
  public int status() {
    return status;
  }

  public String path() {
    return path;
  }

  /** Short reason for a blind spot: "403 Forbidden", "timed out after 4 attempts". */
  public String reason() {
    return getMessage();
  }
}
