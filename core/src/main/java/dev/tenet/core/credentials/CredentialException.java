package dev.tenet.core.credentials;

/**
 * A credential could not be stored, found or read. The message is one sentence for the user and
 * never contains the credential itself.
 */
public class CredentialException extends RuntimeException {
  public CredentialException(String message) {
    super(message);
  }

  public CredentialException(String message, Throwable cause) {
    super(message, cause);
  }
}
