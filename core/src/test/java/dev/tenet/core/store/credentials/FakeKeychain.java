package dev.tenet.core.store.credentials;

import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory keychain for testing the decisions around the OS keychain (fallback, refusal,
 * removal order). It says nothing about the OS keychain itself, which {@link OsKeychain} adapts.
 */
final class FakeKeychain implements Keychain {
  final Map<String, String> entries = new LinkedHashMap<>();
  private final String unavailable;
  boolean refuseDeletes;

  private FakeKeychain(String unavailable) {
    this.unavailable = unavailable;
  }

  static FakeKeychain present() {
    return new FakeKeychain(null);
  }

  static FakeKeychain absent() {
    return new FakeKeychain("No OS keychain is reachable here.");
  }

  @Override
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  @Override
  public Optional<Secret> read(String name) {
    require();
    return Optional.ofNullable(entries.get(name)).map(Secret::of);
  }

  @Override
  public void write(String name, Secret secret) {
    require();
    entries.put(name, secret.reveal());
  }

  @Override
  public boolean delete(String name) {
    require();
    if (refuseDeletes) {
      throw new CredentialException("The OS keychain refused the request (locked).");
    }
    return entries.remove(name) != null;
  }

  private void require() {
    if (unavailable != null) {
      throw new CredentialException(unavailable);
    }
  }
}
