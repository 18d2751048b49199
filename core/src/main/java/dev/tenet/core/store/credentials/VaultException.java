package dev.tenet.core.store.credentials;

import dev.tenet.core.credentials.CredentialException;

/**
 * The vault could not be opened or written. Each reason has its own sentence; in every case the
 * vault file is left exactly as it was and nothing of it was decrypted.
 */
public final class VaultException extends CredentialException {
  /** Why, so callers (and tests) can tell a typo from a damaged or altered file. */
  public enum Reason {
    /** There is no vault file yet. */
    MISSING,
    /** The file is not a Tenet vault, or is truncated, or uses a format this Tenet cannot read. */
    NOT_A_VAULT,
    /** The file's checksum does not match: it was damaged (disk, copy, sync). */
    DAMAGED,
    /** The passphrase does not open it (or its key-derivation header was altered). */
    WRONG_PASSPHRASE,
    /** The checksum and key match but the ciphertext fails authentication: it was altered. */
    TAMPERED,
    /** It could not be read or written (permissions, disk full, lock held). */
    IO
  }

  private final Reason reason;

  public VaultException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public VaultException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
