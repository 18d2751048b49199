package dev.tenet.core.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.VaultException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
  /** The cheapest parameters a vault file may carry, so the tests run fast. */
  static final Argon2Params CHEAP = new Argon2Params(8 * 1024, 1, 1);

  static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
  static final String TOKEN = "ghp_VaultTestTokenValue0123456789abcdef";
  static final Instant WHEN = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;

  private Path vaultWithOneSecret() {
    Vault vault = new Vault(dir.resolve("vault.tenet"), CHEAP);
    try (Vault.Unlocked v = vault.create(PASSPHRASE)) {
      v.put("github-prod", Secret.of(TOKEN), WHEN);
    }
    return vault.file();
  }

  @Test
  void storesAndReadsBackSecretsUnderThePassphrase() throws Exception {
    Path file = vaultWithOneSecret();

    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      assertThat(v.names()).containsExactly("github-prod");
      Vault.Entry e = v.get("github-prod").orElseThrow();
      assertThat(e.secret().reveal()).isEqualTo(TOKEN);
      assertThat(e.addedAt()).isEqualTo(WHEN);
    }
    byte[] raw = Files.readAllBytes(file);
    assertThat(contains(raw, TOKEN)).as("token in plain text").isFalse();
    assertThat(contains(raw, "github-prod")).as("names are encrypted too").isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void wrongPassphraseIsItsOwnErrorAndLosesNothing() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(
            () -> new Vault(file, CHEAP).unlock("Correct horse battery staple".toCharArray()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
        .hasMessage("The passphrase does not open the vault " + file + "; it was left unchanged.");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      assertThat(v.get("github-prod")).isPresent();
    }
  }

  @Test
  void damagedFileIsReportedAsDamageBeforeAnyKeyIsDerived() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01; // one flipped bit, checksum not recomputed: disk damage
    Files.write(file, bytes);

    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
        .hasMessageContaining("is damaged (its checksum does not match)")
        .hasMessageContaining("left it unchanged");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void truncatedEmptyOrForeignFilesAreNotVaults() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] whole = Files.readAllBytes(file);
    for (byte[] bad :
        new byte[][] {
          Arrays.copyOf(whole, whole.length - 40),
          Arrays.copyOf(whole, 30),
          new byte[0],
          "{\"format\":\"tenet.vault/v1\"}".getBytes(StandardCharsets.UTF_8),
          concat(whole, new byte[] {0})
        }) {
      Files.write(file, bad);
      assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
          .isInstanceOfSatisfying(
              VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_VAULT))
          .hasMessageStartingWith("The file " + file + " is not a readable Tenet vault (")
          .hasMessageEndingWith("); it was left unchanged.");
      assertThat(Files.readAllBytes(file)).isEqualTo(bad);
    }
  }

  @Test
  void tamperedCiphertextFailsAuthenticationAndDecryptsNothing() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] bytes = Files.readAllBytes(file);
    int ciphertextStart = 20 + VaultFile.SALT_LENGTH + VaultFile.NONCE_LENGTH + 32 + 4;
    // An attacker who knows the format flips a bit and recomputes the unkeyed checksum.
    bytes[ciphertextStart + 3] ^= 0x20;
    Files.write(file, withChecksum(bytes));
    byte[] tampered = Files.readAllBytes(file);

    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
        .hasMessageContaining(
            "was altered: its contents fail authentication, so nothing was" + " decrypted");
    assertThat(Files.readAllBytes(file)).isEqualTo(tampered);
  }

  @Test
  void tamperedTagOrNonceFailsAuthenticationToo() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] original = Files.readAllBytes(file);

    byte[] tag = original.clone();
    tag[tag.length - 33] ^= 0x01; // last byte of the GCM tag
    Files.write(file, withChecksum(tag));
    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));

    byte[] nonce = original.clone();
    nonce[20 + VaultFile.SALT_LENGTH] ^= 0x01;
    Files.write(file, withChecksum(nonce));
    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
  }

  @Test
  void tamperedKeyDerivationHeaderNeverOpensTheVault() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).putInt(14, 2); // iterations 1 -> 2: a different key
    Files.write(file, withChecksum(bytes));
    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));

    ByteBuffer.wrap(bytes).putInt(10, 4 * 1024 * 1024); // 4 GiB of memory: refused before use
    Files.write(file, withChecksum(bytes));
    assertThatThrownBy(() -> new Vault(file, CHEAP).unlock(PASSPHRASE.clone()))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_VAULT))
        .hasMessageContaining("key-derivation parameters are out of range");
  }

  @Test
  void aFailedUnlockNeverLetsAWriteReplaceTheVault() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] before = Files.readAllBytes(file);
    CredentialStore store =
        new CredentialStore(
            dir.resolve("credentials.json"),
            FakeKeychain.absent(),
            new Vault(file, CHEAP),
            (vault, creating) -> "wrong passphrase".toCharArray(),
            java.util.Map.of(),
            java.time.Clock.systemUTC());

    assertThatThrownBy(
            () ->
                store.add(
                    "other",
                    Secret.of("glpat-abcdefghijklmnopqrstu"),
                    CredentialStore.Placement.VAULT,
                    null,
                    false))
        .isInstanceOf(VaultException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(store.list()).isEmpty();
  }

  @Test
  void createRefusesToReplaceAnExistingVault() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> new Vault(file, CHEAP).create(PASSPHRASE.clone()))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("does not replace it");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void shortPassphrasesAreRefused() {
    assertThatThrownBy(() -> new Vault(dir.resolve("v"), CHEAP).create("short".toCharArray()))
        .hasMessage("A vault passphrase needs at least 8 characters.");
    assertThat(dir.resolve("v")).doesNotExist();
  }

  @Test
  void twoOpenSessionsKeepEachOthersChanges() {
    Path file = vaultWithOneSecret();
    Vault.Unlocked first = new Vault(file, CHEAP).unlock(PASSPHRASE.clone());
    Vault.Unlocked second = new Vault(file, CHEAP).unlock(PASSPHRASE.clone());
    first.put("a", Secret.of("first-secret-value"), WHEN);
    second.put("b", Secret.of("second-secret-value"), WHEN);

    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      assertThat(v.names()).containsExactlyInAnyOrder("github-prod", "a", "b");
    }
  }

  @Test
  void removeRewritesWithoutTheSecret() throws Exception {
    Path file = vaultWithOneSecret();
    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      assertThat(v.remove("github-prod")).isTrue();
      assertThat(v.remove("github-prod")).isFalse();
    }
    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      assertThat(v.names()).isEmpty();
    }
  }

  @Test
  void newVaultsUseTheDocumentedArgon2idDefaults() throws Exception {
    Vault vault = new Vault(dir.resolve("default.tenet"));
    vault.create(PASSPHRASE.clone()).close();

    VaultFile.Sealed sealed =
        VaultFile.parse(Files.readAllBytes(vault.file()), vault.file().toString());
    assertThat(sealed.params()).isEqualTo(new Argon2Params(65536, 3, 4));
    assertThat(sealed.salt()).hasSize(32);
  }

  @Test
  void aCheaperVaultIsReKeyedAtTodaysCostOnItsNextWrite() throws Exception {
    Path file = vaultWithOneSecret();
    Argon2Params stronger = new Argon2Params(16 * 1024, 2, 1);
    try (Vault.Unlocked v = new Vault(file, stronger).unlock(PASSPHRASE.clone())) {
      v.put("b", Secret.of("another-secret-value"), WHEN);
    }
    assertThat(VaultFile.parse(Files.readAllBytes(file), "v").params()).isEqualTo(stronger);
    try (Vault.Unlocked v = new Vault(file, stronger).unlock(PASSPHRASE.clone())) {
      assertThat(v.names()).containsExactly("github-prod", "b");
    }
  }

  @Test
  void eachWriteUsesAFreshNonce() throws Exception {
    Path file = vaultWithOneSecret();
    byte[] first = VaultFile.parse(Files.readAllBytes(file), "v").nonce();
    try (Vault.Unlocked v = new Vault(file, CHEAP).unlock(PASSPHRASE.clone())) {
      v.put("b", Secret.of("another-secret-value"), WHEN);
    }
    byte[] second = VaultFile.parse(Files.readAllBytes(file), "v").nonce();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void missingVaultSaysHowToCreateOne() {
    assertThatThrownBy(() -> new Vault(dir.resolve("none.tenet"), CHEAP).unlock(PASSPHRASE))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
  }

  static byte[] withChecksum(byte[] file) throws Exception {
    byte[] out = file.clone();
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(out, 0, out.length - 32);
    System.arraycopy(d.digest(), 0, out, out.length - 32, 32);
    return out;
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
