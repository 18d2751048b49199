package dev.tenet.core.scan;

/** The scan produced no assessment; the message is one sentence for the user. */
public class ScanException extends Exception {
  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
