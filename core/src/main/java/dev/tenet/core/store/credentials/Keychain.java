package dev.tenet.core.store.credentials;

import dev.tenet.core.credentials.Secret;
import java.util.Optional;

/**
 * The operating system's credential store (macOS Keychain, Windows Credential Manager, the Linux
 * Secret Service). Behind an interface so the decisions around it (fall back to the vault, refuse
 * when it was asked for) are tested without one; {@link OsKeychain} is the real adapter.
 */
public interface Keychain {
  /** Empty when the keychain can be used; otherwise one sentence saying why not and what to do. */
  Optional<String> unavailable();

  /** The secret stored under {@code name}, if any. */
  Optional<Secret> read(String name);

  /** Stores (or replaces) a secret under {@code name}. */
  void write(String name, Secret secret);

  /** Removes the secret stored under {@code name}; false when there was none. */
  boolean delete(String name);
}
