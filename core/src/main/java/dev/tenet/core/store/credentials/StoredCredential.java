package dev.tenet.core.store.credentials;

import dev.tenet.core.credentials.CredentialReference;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * What Tenet knows about a stored credential, without the credential: its name, where it lives, and
 * the one host it may be sent to.
 *
 * @param store {@code KEYCHAIN} or {@code VAULT}
 * @param host the only API host this credential is sent to (e.g. {@code api.github.com}), or null
 *     when it was stored without one
 */
public record StoredCredential(
    String name, CredentialReference.Kind store, String host, Instant addedAt) {

  public StoredCredential {
    if (store == CredentialReference.Kind.ENV) {
      throw new IllegalArgumentException("Environment variables are referenced, not stored");
    }
    host = host == null || host.isBlank() ? null : host.strip().toLowerCase(Locale.ROOT);
  }

  public CredentialReference reference() {
    return new CredentialReference(store, name);
  }

  /** Whether this credential may be sent to {@code target}'s host. */
  public boolean allows(URI target) {
    return host == null || (target.getHost() != null && host.equalsIgnoreCase(target.getHost()));
  }
}
