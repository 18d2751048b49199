package dev.tenet.core.store.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.IoMessages;
import dev.tenet.core.store.PrivateFiles;
import dev.tenet.core.store.credentials.VaultException.Reason;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encrypted vault file: named secrets for machines without an OS keychain (see {@link
 * VaultFile} for the format). A write re-reads the file under a lock and replaces it atomically, so
 * two Tenet processes never lose each other's changes and a crash leaves the old vault or the new
 * one, never half of either. A vault that cannot be opened is never overwritten.
 */
public final class Vault {
  private static final String PAYLOAD_FORMAT = "tenet.vault/v1";

  private final Path file;
  private final Argon2Params params;
  private final SecureRandom random;

  public Vault(Path file) {
    this(file, Argon2Params.DEFAULT);
  }

  /**
   * @param params the key-derivation cost for new vaults (and for upgrading weaker ones)
   */
  public Vault(Path file, Argon2Params params) {
    this.file = file.toAbsolutePath();
    this.params = params;
    this.random = new SecureRandom();
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /**
   * Opens an existing vault.
   *
   * @throws VaultException MISSING, NOT_A_VAULT, DAMAGED, WRONG_PASSPHRASE, TAMPERED or IO, each
   *     with its own sentence; the file is never changed by a failed unlock
   */
  public Unlocked unlock(char[] passphrase) {
    byte[] bytes = read();
    VaultFile.Sealed sealed = VaultFile.parse(bytes, where());
    VaultFile.Keys keys = VaultFile.derive(passphrase, sealed.params(), sealed.salt());
    Map<String, Entry> entries;
    try {
      entries = decode(VaultFile.open(sealed, keys, where()));
    } catch (VaultException e) {
      keys.destroy();
      throw e;
    }
    Unlocked unlocked = new Unlocked(keys, sealed.params(), sealed.salt(), entries);
    if (sealed.params().weakerThan(params)) {
      // An older, cheaper vault: the next write re-derives its key at today's cost.
      byte[] salt = VaultFile.newSalt(random);
      unlocked.rekey(VaultFile.derive(passphrase, params, salt), params, salt);
    }
    return unlocked;
  }

  /**
   * Creates an empty vault protected by {@code passphrase}.
   *
   * @throws VaultException IO when a vault already exists there (it is never replaced)
   */
  public Unlocked create(char[] passphrase) {
    if (passphrase == null || passphrase.length < 8) {
      throw new CredentialException("A vault passphrase needs at least 8 characters.");
    }
    if (exists()) {
      throw new VaultException(
          Reason.IO, "A vault already exists at " + where() + "; Tenet does not replace it.");
    }
    byte[] salt = VaultFile.newSalt(random);
    Unlocked unlocked =
        new Unlocked(
            VaultFile.derive(passphrase, params, salt), params, salt, new LinkedHashMap<>());
    unlocked.write(null);
    return unlocked;
  }

  private String where() {
    return file.toString();
  }

  private byte[] read() {
    try {
      long size = Files.size(file);
      if (size > VaultFile.MAX_FILE) {
        throw new VaultException(
            Reason.NOT_A_VAULT,
            "The file " + where() + " is too large to be a Tenet vault; it was left unchanged.");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new VaultException(
          Reason.MISSING,
          "There is no vault at " + where() + " yet: add a credential to it to create it.");
    } catch (IOException e) {
      throw new VaultException(
          Reason.IO, "Cannot read the vault " + where() + " (" + IoMessages.reason(e) + ").", e);
    }
  }

  /** Reads a decrypted payload; anything malformed is a VaultException (wipes the bytes after). */
  static Map<String, Entry> decode(byte[] plaintext) {
    try {
      JsonNode root = Json.mapper().readTree(plaintext);
      if (!PAYLOAD_FORMAT.equals(root.path("format").asText())) {
        throw new VaultException(
            Reason.NOT_A_VAULT, "The vault's contents have an unknown format; it was left as is.");
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (JsonNode e : root.path("entries")) {
        String name = e.path("name").asText();
        entries.put(
            name,
            new Entry(
                name,
                Secret.of(e.path("secret").asText()),
                Instant.parse(e.path("addedAt").asText())));
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      if (e instanceof VaultException ve) {
        throw ve;
      }
      throw new VaultException(
          Reason.NOT_A_VAULT, "The vault's contents cannot be read; it was left as is.");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static byte[] encode(Map<String, Entry> entries) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("format", PAYLOAD_FORMAT);
    ArrayNode list = root.putArray("entries");
    for (Entry e : entries.values()) {
      list.addObject()
          .put("name", e.name())
          .put("secret", e.secret().reveal())
          .put("addedAt", e.addedAt().toString());
    }
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One stored secret. */
  public record Entry(String name, Secret secret, Instant addedAt) {}

  /** An open vault: read its entries, change them (each change is written at once). */
  public final class Unlocked implements AutoCloseable {
    private VaultFile.Keys keys;
    private Argon2Params fileParams;
    private byte[] salt;
    private VaultFile.Keys nextKeys;
    private Argon2Params nextParams;
    private byte[] nextSalt;
    private Map<String, Entry> entries;

    private Unlocked(
        VaultFile.Keys keys, Argon2Params fileParams, byte[] salt, Map<String, Entry> entries) {
      this.keys = keys;
      this.fileParams = fileParams;
      this.salt = salt;
      this.entries = entries;
    }

    private void rekey(VaultFile.Keys keys, Argon2Params params, byte[] salt) {
      this.nextKeys = keys;
      this.nextParams = params;
      this.nextSalt = salt;
    }

    public synchronized List<String> names() {
      return new ArrayList<>(entries.keySet());
    }

    /** A copy of the entry: closing the vault wipes its own copies, never the caller's. */
    public synchronized Optional<Entry> get(String name) {
      Entry e = entries.get(name);
      return e == null
          ? Optional.empty()
          : Optional.of(new Entry(e.name(), Secret.of(e.secret().reveal()), e.addedAt()));
    }

    /** Adds or replaces a secret, and writes the vault. */
    public synchronized void put(String name, Secret secret, Instant addedAt) {
      CredentialReference.vault(name); // validates the name
      write(current -> current.put(name, new Entry(name, secret, addedAt)));
    }

    /** Removes a secret, and writes the vault; false when there was none of that name. */
    public synchronized boolean remove(String name) {
      if (!entries.containsKey(name)) {
        return false;
      }
      write(current -> current.remove(name));
      return true;
    }

    /**
     * Re-reads the file under the lock (another process may have changed it), applies the change,
     * and replaces the file atomically.
     */
    private void write(java.util.function.Consumer<Map<String, Entry>> change) {
      PrivateFiles.folder(file.getParent());
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockOf(channel)) {
        PrivateFiles.restrict(lockFile);
        Map<String, Entry> current = new LinkedHashMap<>(entries);
        if (change != null && Files.exists(file)) {
          VaultFile.Sealed sealed = VaultFile.parse(read(), where());
          if (!Arrays.equals(sealed.salt(), salt) || !sealed.params().equals(fileParams)) {
            throw new VaultException(
                Reason.IO,
                "The vault "
                    + where()
                    + " was re-keyed by another Tenet meanwhile; nothing was saved. Run the"
                    + " command again.");
          }
          current = decode(VaultFile.open(sealed, keys, where()));
        }
        if (change != null) {
          change.accept(current);
        }
        if (nextKeys != null) {
          keys.destroy();
          keys = nextKeys;
          fileParams = nextParams;
          salt = nextSalt;
          nextKeys = null;
        }
        byte[] plaintext = encode(current);
        byte[] sealed;
        try {
          sealed = VaultFile.seal(plaintext, keys, fileParams, salt, random);
        } finally {
          Arrays.fill(plaintext, (byte) 0);
        }
        replaceAtomically(sealed);
        entries = current;
      } catch (IOException e) {
        throw new VaultException(
            Reason.IO,
            "Cannot write the vault "
                + where()
                + " ("
                + IoMessages.reason(e)
                + "); it is unchanged.",
            e);
      }
    }

    private FileLock lockOf(FileChannel channel) throws IOException {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        throw new VaultException(
            Reason.IO, "The vault " + where() + " is being written by this process already.");
      }
    }

    private void replaceAtomically(byte[] bytes) throws IOException {
      Path temp = PrivateFiles.createTempFile(file.getParent(), ".vault", ".tmp");
      try {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          out.write(java.nio.ByteBuffer.wrap(bytes));
          out.force(true);
        }
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    }

    /** Wipes the keys from memory; the vault must be unlocked again to be used. */
    @Override
    public synchronized void close() {
      keys.destroy();
      if (nextKeys != null) {
        nextKeys.destroy();
      }
      entries.values().forEach(e -> e.secret().destroy());
      entries = Map.of();
    }
  }
}
