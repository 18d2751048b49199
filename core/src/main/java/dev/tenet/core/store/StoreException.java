package dev.tenet.core.store;

/** The assessment store could not do what was asked; the message is one sentence for the user. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
