package dev.tenet.core.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;

/**
 * Fuzzes the vault file reader: whatever the bytes, reading them ends in a vault or in a {@link
 * VaultException}, never in another exception, a hang or an allocation the file's size does not
 * justify. Runs its seeds ({@code VaultFileFuzzTestInputs/}) in every build; see
 * docs/SECURITY.md#fuzzing to fuzz for longer.
 */
class VaultFileFuzzTest {
  private static final byte[] SALT = new byte[32];

  /** Derived once: fuzzing the key derivation itself would only measure Argon2's cost. */
  private static final VaultFile.Keys KEYS =
      VaultFile.derive("fuzzing passphrase".toCharArray(), VaultTest.CHEAP, SALT);

  @FuzzTest(maxDuration = "2m")
  @DictionaryEntries({"TENETVLT", "\u0001\u0001"})
  void parseAndOpen(byte[] file) {
    VaultFile.Sealed sealed;
    try {
      sealed = VaultFile.parse(file, "fuzz");
    } catch (VaultException expected) {
      return;
    }
    assertThat(sealed.params().acceptable()).isTrue();
    assertThat(sealed.ciphertext().length).isLessThanOrEqualTo(file.length);
    try {
      VaultFile.open(sealed, KEYS, "fuzz");
    } catch (VaultException expected) {
      // Wrong key or altered: both are clear errors.
    }
  }

  @FuzzTest(maxDuration = "2m")
  @DictionaryEntries({
    "\"format\"",
    "\"tenet.vault/v1\"",
    "\"entries\"",
    "\"name\"",
    "\"secret\"",
    "\"addedAt\"",
    "2026-11-26T10:00:00Z"
  })
  void payload(byte[] plaintext) {
    try {
      Vault.decode(plaintext.clone()).values().forEach(e -> assertThat(e.name()).isNotNull());
    } catch (VaultException expected) {
      // Malformed contents are one clear error.
    }
  }

  @FuzzTest(maxDuration = "2m")
  void sealThenOpenRoundTrips(byte[] plaintext) {
    if (plaintext.length > VaultFile.MAX_PLAINTEXT) {
      return;
    }
    byte[] file = VaultFile.seal(plaintext, KEYS, VaultTest.CHEAP, SALT, new SecureRandom());
    assertThat(VaultFile.open(VaultFile.parse(file, "fuzz"), KEYS, "fuzz")).isEqualTo(plaintext);
  }
}
