package dev.tenet.core.scan;

/**
 * A connection could not be assessed at all. The message is one sentence a user can act on, and
 * never contains a credential.
 */
public class ConnectorException extends Exception {
  public ConnectorException(String message) {
    super(message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
