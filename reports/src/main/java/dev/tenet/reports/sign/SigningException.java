package dev.tenet.reports.sign;

/** A report could not be signed; the message is one sentence for the user. */
public final class SigningException extends RuntimeException {
  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
