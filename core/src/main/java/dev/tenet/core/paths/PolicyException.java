package dev.tenet.core.paths;

/** The path policy (paths.yaml) cannot be used as written; the message says where and why. */
public final class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
