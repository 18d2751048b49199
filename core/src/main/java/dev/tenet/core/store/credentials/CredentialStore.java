package dev.tenet.core.store.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.CredentialReference.Kind;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.IoMessages;
import dev.tenet.core.store.PrivateFiles;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens by name: stored in the OS keychain, or in the encrypted vault where there is none, or
 * referenced as environment variables for headless runs. The command line and the console use this
 * one store.
 *
 * <p>Secrets live only in the keychain or the vault. Beside them, an index file lists each stored
 * credential's name, where it lives and the host it is bound to, so that {@code list} needs neither
 * the keychain (which cannot enumerate) nor the vault passphrase. The index holds no secret.
 */
public final class CredentialStore implements AutoCloseable {
  private static final String INDEX_FORMAT = "tenet.credentials/v1";

  /** Where {@link #add} puts a credential. */
  public enum Placement {
    /** The OS keychain if one answers, else the vault. */
    AUTO,
    KEYCHAIN,
    VAULT
  }

  /**
   * @param note why it went where it went, when that was not what the user might expect; or null
   */
  public record Added(StoredCredential credential, String note) {}

  private final Path index;
  private final Keychain keychain;
  private final Vault vault;
  private final PassphraseSource passphrases;
  private final Map<String, String> environment;
  private final Clock clock;
  private Vault.Unlocked unlocked;

  public CredentialStore(
      Path index,
      Keychain keychain,
      Vault vault,
      PassphraseSource passphrases,
      Map<String, String> environment,
      Clock clock) {
    this.index = index.toAbsolutePath();
    this.keychain = keychain;
    this.vault = vault;
    this.passphrases = passphrases;
    this.environment = environment;
    this.clock = clock;
  }

  public Path vaultFile() {
    return vault.file();
  }

  /** Every stored credential (environment references are not stored), by name. */
  public synchronized List<StoredCredential> list() {
    return readIndex().stream()
        .sorted(java.util.Comparator.comparing(StoredCredential::name))
        .toList();
  }

  public synchronized Optional<StoredCredential> find(String name) {
    return readIndex().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /**
   * Stores a secret under a name.
   *
   * @param host the one API host it may be sent to, or null for any
   * @param replace whether an existing credential of that name may be replaced
   */
  public synchronized Added add(
      String name, Secret secret, Placement placement, String host, boolean replace) {
    CredentialReference.keychain(name); // validates the name
    Optional<StoredCredential> existing = find(name);
    if (existing.isPresent() && !replace) {
      throw new CredentialException(
          "A credential named '"
              + name
              + "' exists already (in the "
              + existing.get().store().id()
              + "); remove it first, or add with --replace.");
    }
    String note = null;
    Kind target;
    switch (placement) {
      case KEYCHAIN -> {
        keychain
            .unavailable()
            .ifPresent(
                why -> {
                  throw new CredentialException(why);
                });
        target = Kind.KEYCHAIN;
      }
      case VAULT -> target = Kind.VAULT;
      default -> {
        Optional<String> why = keychain.unavailable();
        target = why.isPresent() ? Kind.VAULT : Kind.KEYCHAIN;
        if (why.isPresent()) {
          note = "No OS keychain here, so it went to the encrypted vault " + vault.file() + ".";
        }
      }
    }
    if (target == Kind.KEYCHAIN) {
      keychain.write(name, secret);
    } else {
      openVault(true).put(name, secret, clock.instant());
    }
    if (existing.isPresent() && existing.get().store() != target) {
      deleteFrom(existing.get());
    }
    StoredCredential stored = new StoredCredential(name, target, host, clock.instant());
    List<StoredCredential> entries = new ArrayList<>(readIndex());
    entries.removeIf(c -> c.name().equals(name));
    entries.add(stored);
    writeIndex(entries);
    return new Added(stored, note);
  }

  /**
   * Removes a stored credential from where it lives, then from the index.
   *
   * @return the removed credential
   * @throws CredentialException when there is none of that name, or its store refused (the index
   *     then still lists it, so nothing is forgotten that still exists)
   */
  public synchronized StoredCredential remove(String name) {
    StoredCredential c =
        find(name)
            .orElseThrow(
                () ->
                    new CredentialException(
                        "No stored credential is named '"
                            + name
                            + "': see 'tenet credentials list'."));
    deleteFrom(c);
    List<StoredCredential> entries = new ArrayList<>(readIndex());
    entries.removeIf(e -> e.name().equals(name));
    writeIndex(entries);
    return c;
  }

  private void deleteFrom(StoredCredential c) {
    if (c.store() == Kind.KEYCHAIN) {
      keychain.delete(c.name());
    } else if (vault.exists()) {
      openVault(false).remove(c.name());
    }
  }

  /**
   * The reference a user wrote: {@code keychain:NAME}, {@code vault:NAME}, {@code env:VAR}, or the
   * bare name of a stored credential.
   */
  public CredentialReference reference(String text) {
    if (text != null && CredentialReference.isQualified(text.strip())) {
      return CredentialReference.parse(text);
    }
    if (Redactor.looksLikeToken(text)) {
      throw CredentialReference.tokenGiven();
    }
    String name = text == null ? "" : text.strip();
    return find(name)
        .map(StoredCredential::reference)
        .orElseThrow(
            () ->
                new CredentialException(
                    "No stored credential is named '"
                        + CredentialReference.keychain(name).name()
                        + "': add it with 'tenet credentials add "
                        + name
                        + "', or write env:VAR for an environment variable."));
  }

  /**
   * The secret a reference names, for sending to {@code target}.
   *
   * @throws CredentialException when it cannot be found, or is bound to another host
   */
  public synchronized Secret resolve(CredentialReference ref, URI target) {
    if (ref.kind() != Kind.ENV) {
      Optional<StoredCredential> stored = find(ref.name());
      if (stored.isPresent() && target != null && !stored.get().allows(target)) {
        throw new CredentialException(
            "The credential '"
                + ref.name()
                + "' is bound to "
                + stored.get().host()
                + "; Tenet will not send it to "
                + target.getHost()
                + ".");
      }
    }
    return switch (ref.kind()) {
      case ENV -> {
        String value = environment.get(ref.name());
        if (value == null || value.isBlank()) {
          throw new CredentialException(
              "The environment variable " + ref.name() + " is not set (or is empty).");
        }
        yield Secret.of(value);
      }
      case KEYCHAIN -> {
        keychain
            .unavailable()
            .ifPresent(
                why -> {
                  throw new CredentialException(why);
                });
        yield keychain
            .read(ref.name())
            .orElseThrow(
                () ->
                    new CredentialException(
                        "The OS keychain holds no credential '"
                            + ref.name()
                            + "' (or refused to give it): add it with 'tenet credentials add "
                            + ref.name()
                            + "'."));
      }
      case VAULT ->
          openVault(false)
              .get(ref.name())
              .map(Vault.Entry::secret)
              .orElseThrow(
                  () ->
                      new CredentialException(
                          "The vault "
                              + vault.file()
                              + " holds no credential '"
                              + ref.name()
                              + "': add it with 'tenet credentials add "
                              + ref.name()
                              + " --store vault'."));
    };
  }

  /** The vault, unlocked once per store (one passphrase prompt per command). */
  private Vault.Unlocked openVault(boolean createIfMissing) {
    if (unlocked != null) {
      return unlocked;
    }
    boolean creating = !vault.exists();
    if (creating && !createIfMissing) {
      throw new VaultException(
          VaultException.Reason.MISSING,
          "There is no vault at "
              + vault.file()
              + " yet: add a credential with 'tenet credentials add NAME --store vault'.");
    }
    char[] passphrase = passphrases.passphrase(vault.file(), creating);
    try {
      unlocked = creating ? vault.create(passphrase) : vault.unlock(passphrase);
    } finally {
      Arrays.fill(passphrase, '\0');
    }
    return unlocked;
  }

  private List<StoredCredential> readIndex() {
    if (!Files.exists(index)) {
      return List.of();
    }
    try {
      JsonNode root = Json.mapper().readTree(Files.readAllBytes(index));
      if (!INDEX_FORMAT.equals(root.path("format").asText())) {
        throw new CredentialException(
            "The credential index " + index + " has an unknown format; it was left as is.");
      }
      List<StoredCredential> out = new ArrayList<>();
      for (JsonNode c : root.path("credentials")) {
        out.add(
            new StoredCredential(
                c.path("name").asText(),
                CredentialReference.Kind.valueOf(
                    c.path("store").asText().toUpperCase(java.util.Locale.ROOT)),
                c.path("host").isTextual() ? c.path("host").asText() : null,
                Instant.parse(c.path("addedAt").asText())));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      if (e instanceof CredentialException ce) {
        throw ce;
      }
      throw new CredentialException(
          "The credential index " + index + " cannot be read; it was left as is.", e);
    }
  }

  private void writeIndex(List<StoredCredential> entries) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", INDEX_FORMAT);
    ArrayNode list = root.putArray("credentials");
    for (StoredCredential c : entries) {
      ObjectNode n =
          list.addObject()
              .put("name", c.name())
              .put("store", c.store().id())
              .put("addedAt", c.addedAt().toString());
      if (c.host() != null) {
        n.put("host", c.host());
      }
    }
    try {
      Path folder = PrivateFiles.folder(index.getParent());
      Path temp = PrivateFiles.createTempFile(folder, ".credentials", ".tmp");
      try {
        Files.write(temp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
          Files.move(
              temp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, index, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new CredentialException(
          "Cannot write the credential index " + index + " (" + IoMessages.reason(e) + ").", e);
    }
  }

  /** Wipes the unlocked vault's keys and secrets from memory. */
  @Override
  public synchronized void close() {
    if (unlocked != null) {
      unlocked.close();
      unlocked = null;
    }
  }
}
