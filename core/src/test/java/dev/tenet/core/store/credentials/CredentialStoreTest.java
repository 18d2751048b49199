package dev.tenet.core.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.CredentialReference.Kind;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.CredentialStore.Placement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential store's decisions, with an in-memory keychain and a real vault. */
class CredentialStoreTest {
  static final String TOKEN = "ghp_StoreTestToken0123456789abcdefABCDEF";
  static final URI GITHUB = URI.create("https://api.github.com");

  @TempDir Path dir;
  final List<Boolean> prompts = new ArrayList<>();
  final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  CredentialStore store(Keychain keychain) {
    return store(keychain, Map.of());
  }

  CredentialStore store(Keychain keychain, Map<String, String> env) {
    return new CredentialStore(
        dir.resolve("credentials.json"),
        keychain,
        new Vault(dir.resolve("vault.tenet"), VaultTest.CHEAP),
        (vault, creating) -> {
          prompts.add(creating);
          return VaultTest.PASSPHRASE.clone();
        },
        env,
        clock);
  }

  @Test
  void autoPrefersTheKeychainWhenOneAnswers() throws Exception {
    FakeKeychain keychain = FakeKeychain.present();
    CredentialStore.Added added =
        store(keychain).add("gh", Secret.of(TOKEN), Placement.AUTO, "api.github.com", false);

    assertThat(added.credential().store()).isEqualTo(Kind.KEYCHAIN);
    assertThat(added.note()).isNull();
    assertThat(keychain.entries).containsEntry("gh", TOKEN);
    assertThat(prompts).as("no vault passphrase asked").isEmpty();
    assertThat(dir.resolve("vault.tenet")).doesNotExist();
    String index = Files.readString(dir.resolve("credentials.json"));
    assertThat(index).contains("\"gh\"", "keychain", "api.github.com").doesNotContain(TOKEN);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("credentials.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void autoFallsBackToTheVaultAndSaysSo() throws Exception {
    CredentialStore.Added added =
        store(FakeKeychain.absent()).add("gh", Secret.of(TOKEN), Placement.AUTO, null, false);

    assertThat(added.credential().store()).isEqualTo(Kind.VAULT);
    assertThat(added.note()).startsWith("No OS keychain here, so it went to the encrypted vault");
    assertThat(prompts).containsExactly(true);
    byte[] raw = Files.readAllBytes(dir.resolve("vault.tenet"));
    assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    assertThat(
            store(FakeKeychain.absent()).resolve(CredentialReference.vault("gh"), GITHUB).reveal())
        .isEqualTo(TOKEN);
  }

  @Test
  void askingForAMissingKeychainIsAClearErrorNotASilentFallback() {
    CredentialStore store = store(FakeKeychain.absent());
    assertThatThrownBy(() -> store.add("gh", Secret.of(TOKEN), Placement.KEYCHAIN, null, false))
        .isInstanceOf(CredentialException.class)
        .hasMessage("No OS keychain is reachable here.");
    assertThat(store.list()).isEmpty();
    assertThat(dir.resolve("vault.tenet")).doesNotExist();
    assertThatThrownBy(() -> store.resolve(CredentialReference.keychain("gh"), GITHUB))
        .hasMessage("No OS keychain is reachable here.");
  }

  @Test
  void theVaultPassphraseIsAskedOncePerStore() {
    CredentialStore store = store(FakeKeychain.absent());
    store.add("a", Secret.of("secret-value-aaaaaaaa"), Placement.VAULT, null, false);
    store.add("b", Secret.of("secret-value-bbbbbbbb"), Placement.VAULT, null, false);
    store.resolve(CredentialReference.vault("a"), GITHUB);
    assertThat(prompts).containsExactly(true);
  }

  @Test
  void resolvesEnvironmentReferencesAndNamesTheMissingVariable() {
    CredentialStore store = store(FakeKeychain.absent(), Map.of("GITHUB_TOKEN", TOKEN));
    assertThat(store.resolve(CredentialReference.env("GITHUB_TOKEN"), GITHUB).reveal())
        .isEqualTo(TOKEN);
    assertThatThrownBy(() -> store.resolve(CredentialReference.env("GH_TOKEN"), GITHUB))
        .hasMessage("The environment variable GH_TOKEN is not set (or is empty).");
  }

  @Test
  void aCredentialBoundToAHostIsNeverResolvedForAnother() {
    CredentialStore store = store(FakeKeychain.present());
    store.add("gh", Secret.of(TOKEN), Placement.AUTO, "api.github.com", false);

    assertThat(store.resolve(CredentialReference.keychain("gh"), GITHUB).reveal()).isEqualTo(TOKEN);
    assertThatThrownBy(
            () ->
                store.resolve(
                    CredentialReference.keychain("gh"), URI.create("https://evil.example/api")))
        .hasMessage(
            "The credential 'gh' is bound to api.github.com; Tenet will not send it to"
                + " evil.example.");
  }

  @Test
  void removeDeletesFromItsStoreThenFromTheIndex() {
    FakeKeychain keychain = FakeKeychain.present();
    CredentialStore store = store(keychain);
    store.add("gh", Secret.of(TOKEN), Placement.KEYCHAIN, null, false);

    assertThat(store.remove("gh").store()).isEqualTo(Kind.KEYCHAIN);
    assertThat(keychain.entries).isEmpty();
    assertThat(store.list()).isEmpty();
    assertThatThrownBy(() -> store.remove("gh"))
        .hasMessage("No stored credential is named 'gh': see 'tenet credentials list'.");
  }

  @Test
  void aRefusedRemovalKeepsTheCredentialListed() {
    FakeKeychain keychain = FakeKeychain.present();
    CredentialStore store = store(keychain);
    store.add("gh", Secret.of(TOKEN), Placement.KEYCHAIN, null, false);
    keychain.refuseDeletes = true;

    assertThatThrownBy(() -> store.remove("gh")).hasMessageContaining("refused");
    assertThat(store.list()).extracting(StoredCredential::name).containsExactly("gh");
    assertThat(keychain.entries).containsKey("gh");
  }

  @Test
  void removingAVaultCredentialRewritesTheVaultWithoutIt() {
    CredentialStore store = store(FakeKeychain.absent());
    store.add("a", Secret.of("secret-value-aaaaaaaa"), Placement.VAULT, null, false);
    store.add("b", Secret.of("secret-value-bbbbbbbb"), Placement.VAULT, null, false);
    store.remove("a");
    store.close();

    try (Vault.Unlocked v =
        new Vault(dir.resolve("vault.tenet"), VaultTest.CHEAP)
            .unlock(VaultTest.PASSPHRASE.clone())) {
      assertThat(v.names()).containsExactly("b");
    }
  }

  @Test
  void addingAnExistingNameNeedsReplaceAndMovesItCleanly() {
    FakeKeychain keychain = FakeKeychain.present();
    CredentialStore store = store(keychain);
    store.add("gh", Secret.of(TOKEN), Placement.KEYCHAIN, null, false);

    assertThatThrownBy(() -> store.add("gh", Secret.of(TOKEN), Placement.VAULT, null, false))
        .hasMessage(
            "A credential named 'gh' exists already (in the keychain); remove it first, or add"
                + " with --replace.");

    store.add(
        "gh", Secret.of("ghp_Replacement0123456789abcdefABCDEF"), Placement.VAULT, null, true);
    assertThat(keychain.entries).doesNotContainKey("gh");
    assertThat(store.list())
        .singleElement()
        .extracting(StoredCredential::store)
        .isEqualTo(Kind.VAULT);
  }

  @Test
  void referencesAreParsedOrLookedUpAndTokensAreRefused() {
    CredentialStore store = store(FakeKeychain.present());
    store.add("gh-prod", Secret.of(TOKEN), Placement.KEYCHAIN, null, false);

    assertThat(store.reference("gh-prod")).isEqualTo(CredentialReference.keychain("gh-prod"));
    assertThat(store.reference("env:GITHUB_TOKEN"))
        .isEqualTo(CredentialReference.env("GITHUB_TOKEN"));
    assertThat(store.reference("vault:ci")).isEqualTo(CredentialReference.vault("ci"));
    assertThatThrownBy(() -> store.reference(TOKEN))
        .hasMessageStartingWith("That looks like a token itself, not a reference to one.")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> store.reference("unknown"))
        .hasMessageStartingWith("No stored credential is named 'unknown'");
  }

  @Test
  void aCorruptIndexIsReportedAndLeftAsItWas() throws Exception {
    Path index = dir.resolve("credentials.json");
    Files.writeString(index, "{not json");
    CredentialStore store = store(FakeKeychain.present());
    assertThatThrownBy(store::list).hasMessageContaining("cannot be read; it was left as is.");
    assertThatThrownBy(() -> store.add("gh", Secret.of(TOKEN), Placement.KEYCHAIN, null, false))
        .isInstanceOf(CredentialException.class);
    assertThat(Files.readString(index)).isEqualTo("{not json");
  }
}
