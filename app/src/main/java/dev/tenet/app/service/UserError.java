package dev.tenet.app.service;

/** Something the user asked for cannot be done as asked; the message says what to do instead. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
