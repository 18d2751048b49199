package dev.tenet.app.gui;

import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.Keychain;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in memory, standing in for the OS's in console tests. */
public final class MemoryKeychain implements Keychain {
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  @Override
  public Optional<String> unavailable() {
    return Optional.empty();
  }

  @Override
  public Optional<Secret> read(String name) {
    return Optional.ofNullable(secrets.get(name)).map(Secret::of);
  }

  @Override
  public void write(String name, Secret secret) {
    secrets.put(name, secret.reveal());
  }

  @Override
  public boolean delete(String name) {
    return secrets.remove(name) != null;
  }

  public boolean holds(String name) {
    return secrets.containsKey(name);
  }
}
