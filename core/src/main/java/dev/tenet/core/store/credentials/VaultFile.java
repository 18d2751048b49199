package dev.tenet.core.store.credentials;

import dev.tenet.core.store.credentials.VaultException.Reason;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The vault file format, version 1. All integers are big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "TENETVLT"
 *      8     1  format version (1)
 *      9     1  key derivation (1 = Argon2id, version 0x13)
 *     10     4  Argon2 memory, KiB
 *     14     4  Argon2 iterations
 *     18     1  Argon2 parallelism
 *     19     1  salt length S (16..64)
 *     20     S  salt (random per vault)
 *   20+S    12  AES-GCM nonce (random per write)
 *   32+S    32  key check: HMAC-SHA256(check key, "tenet-vault-key-check-v1")
 *   64+S     4  ciphertext length C (16..1 MiB + 16)
 *   68+S     C  AES-256-GCM ciphertext and its 128-bit tag; every byte before it is the AAD
 * 68+S+C    32  SHA-256 of every byte before it
 * </pre>
 *
 * <p>Argon2id turns the passphrase into 64 bytes: the AES-256 key, then a separate key for the key
 * check. The three failure modes are thereby told apart before anything is decrypted: a checksum
 * mismatch is damage; a key-check mismatch is a wrong passphrase (or an altered header, which
 * changes the derived key); a failing GCM tag with a matching key is an altered file. GCM verifies
 * the tag before releasing any plaintext, so there is never a partial decrypt.
 */
final class VaultFile {
  private VaultFile() {}

  static final byte[] MAGIC = "TENETVLT".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int KDF_ARGON2ID = 1;
  static final int NONCE_LENGTH = 12;
  static final int SALT_LENGTH = 32;
  static final int TAG_BITS = 128;
  static final int MAX_PLAINTEXT = 1024 * 1024;
  static final int MAX_FILE = 20 + 64 + NONCE_LENGTH + 32 + 4 + MAX_PLAINTEXT + 16 + 32;

  private static final byte[] KEY_CHECK_LABEL =
      "tenet-vault-key-check-v1".getBytes(StandardCharsets.US_ASCII);

  /** A parsed file: everything needed to check and decrypt it. */
  record Sealed(
      Argon2Params params,
      byte[] salt,
      byte[] keyCheck,
      byte[] nonce,
      byte[] aad,
      byte[] ciphertext) {}

  /** The two keys derived from a passphrase. Wiped with {@link #destroy()}. */
  static final class Keys {
    private final byte[] encryption;
    private final byte[] check;

    Keys(byte[] derived) {
      this.encryption = Arrays.copyOfRange(derived, 0, 32);
      this.check = Arrays.copyOfRange(derived, 32, 64);
      Arrays.fill(derived, (byte) 0);
    }

    void destroy() {
      Arrays.fill(encryption, (byte) 0);
      Arrays.fill(check, (byte) 0);
    }
  }

  /**
   * Parses a vault file's bytes without any key. Bounded: lengths are checked against the file's
   * size before anything is allocated.
   */
  static Sealed parse(byte[] file, String where) {
    if (file.length > MAX_FILE) {
      throw notAVault(where, "it is larger than any vault Tenet writes");
    }
    if (file.length < MAGIC.length
        || !Arrays.equals(Arrays.copyOfRange(file, 0, MAGIC.length), MAGIC)) {
      throw notAVault(where, "it does not start like one");
    }
    ByteBuffer in = ByteBuffer.wrap(file);
    try {
      in.position(MAGIC.length);
      int version = Byte.toUnsignedInt(in.get());
      if (version != VERSION) {
        throw new VaultException(
            Reason.NOT_A_VAULT,
            "The vault "
                + where
                + " has format version "
                + version
                + ", which this version of Tenet cannot read; it was left unchanged.");
      }
      int kdf = Byte.toUnsignedInt(in.get());
      if (kdf != KDF_ARGON2ID) {
        throw notAVault(where, "its key derivation (" + kdf + ") is unknown");
      }
      Argon2Params params =
          new Argon2Params(in.getInt(), in.getInt(), Byte.toUnsignedInt(in.get()));
      int saltLength = Byte.toUnsignedInt(in.get());
      if (saltLength < 16 || saltLength > 64) {
        throw notAVault(where, "its salt length is out of range");
      }
      byte[] salt = take(in, saltLength);
      byte[] nonce = take(in, NONCE_LENGTH);
      byte[] keyCheck = take(in, 32);
      int length = in.getInt();
      if (length < TAG_BITS / 8 || length > MAX_PLAINTEXT + TAG_BITS / 8) {
        throw notAVault(where, "its ciphertext length is out of range");
      }
      int aadLength = in.position();
      if (in.remaining() != length + 32) {
        throw notAVault(where, "it is truncated or has trailing bytes");
      }
      byte[] ciphertext = take(in, length);
      byte[] checksum = take(in, 32);
      byte[] expected = sha256(file, 0, file.length - 32);
      if (!MessageDigest.isEqual(checksum, expected)) {
        throw new VaultException(
            Reason.DAMAGED,
            "The vault "
                + where
                + " is damaged (its checksum does not match); Tenet left it unchanged. Restore it"
                + " from a backup, or remove it and add the credentials again.");
      }
      // The parameters are checked after the checksum, so damage is reported as damage.
      if (!params.acceptable()) {
        throw notAVault(where, "its key-derivation parameters are out of range (" + params + ")");
      }
      return new Sealed(
          params, salt, keyCheck, nonce, Arrays.copyOfRange(file, 0, aadLength), ciphertext);
    } catch (BufferUnderflowException e) {
      throw notAVault(where, "it is truncated");
    }
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }

  private static VaultException notAVault(String where, String why) {
    return new VaultException(
        Reason.NOT_A_VAULT,
        "The file "
            + where
            + " is not a readable Tenet vault ("
            + why
            + "); it was left unchanged.");
  }

  /** Derives the keys of a vault from its passphrase (NFC-normalized, so every OS agrees). */
  static Keys derive(char[] passphrase, Argon2Params params, byte[] salt) {
    Argon2Parameters argon =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(params.memoryKib())
            .withIterations(params.iterations())
            .withParallelism(params.parallelism())
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(argon);
    byte[] password = normalized(passphrase);
    byte[] out = new byte[64];
    try {
      generator.generateBytes(password, out);
    } finally {
      Arrays.fill(password, (byte) 0);
    }
    return new Keys(out);
  }

  private static byte[] normalized(char[] passphrase) {
    String nfc = Normalizer.normalize(java.nio.CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
    return nfc.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decrypts a parsed file.
   *
   * @throws VaultException WRONG_PASSPHRASE or TAMPERED; no plaintext is returned in either case
   */
  static byte[] open(Sealed sealed, Keys keys, String where) {
    if (!MessageDigest.isEqual(keyCheck(keys), sealed.keyCheck())) {
      throw new VaultException(
          Reason.WRONG_PASSPHRASE,
          "The passphrase does not open the vault " + where + "; it was left unchanged.");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(keys.encryption, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(sealed.aad());
      return cipher.doFinal(sealed.ciphertext());
    } catch (AEADBadTagException e) {
      throw new VaultException(
          Reason.TAMPERED,
          "The vault "
              + where
              + " was altered: its contents fail authentication, so nothing was decrypted and the"
              + " file was left unchanged. Restore it from a backup.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
    }
  }

  /** Encrypts a payload into a complete vault file, under a fresh random nonce. */
  static byte[] seal(
      byte[] plaintext, Keys keys, Argon2Params params, byte[] salt, SecureRandom random) {
    if (plaintext.length > MAX_PLAINTEXT) {
      throw new VaultException(
          Reason.IO,
          "The vault would exceed " + (MAX_PLAINTEXT / 1024) + " KiB; nothing was saved.");
    }
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    int ciphertextLength = plaintext.length + TAG_BITS / 8;
    ByteBuffer header = ByteBuffer.allocate(20 + salt.length + NONCE_LENGTH + 32 + 4);
    header
        .put(MAGIC)
        .put((byte) VERSION)
        .put((byte) KDF_ARGON2ID)
        .putInt(params.memoryKib())
        .putInt(params.iterations())
        .put((byte) params.parallelism())
        .put((byte) salt.length)
        .put(salt)
        .put(nonce)
        .put(keyCheck(keys))
        .putInt(ciphertextLength);
    byte[] aad = header.array();
    byte[] ciphertext;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.encryption, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      ciphertext = cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", e);
    }
    ByteBuffer file = ByteBuffer.allocate(aad.length + ciphertext.length + 32);
    file.put(aad).put(ciphertext);
    file.put(sha256(file.array(), 0, aad.length + ciphertext.length));
    return file.array();
  }

  static byte[] newSalt(SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    return salt;
  }

  private static byte[] keyCheck(Keys keys) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.check, "HmacSHA256"));
      return mac.doFinal(KEY_CHECK_LABEL);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable in this Java runtime", e);
    }
  }

  private static byte[] sha256(byte[] data, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(data, offset, length);
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this Java runtime", e);
    }
  }
}
