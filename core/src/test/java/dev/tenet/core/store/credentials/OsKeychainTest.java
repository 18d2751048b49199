package dev.tenet.core.store.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real adapter where no keychain exists (Linux without a D-Bus session, as in CI): it must say
 * so in one sentence that names the way out, never hang or throw something else. Whether it stores
 * and reads secrets in a real keychain cannot be checked here, and is not claimed.
 */
@EnabledOnOs(OS.LINUX)
@DisabledIfEnvironmentVariable(named = "DBUS_SESSION_BUS_ADDRESS", matches = ".+")
class OsKeychainTest {
  @Test
  void withoutASecretServiceItDegradesToAClearSentence() {
    OsKeychain keychain = new OsKeychain();

    assertThat(keychain.unavailable())
        .hasValue(
            "No OS keychain is reachable: on Linux, Tenet uses the Secret Service (GNOME Keyring,"
                + " KWallet) over a D-Bus session, and none answered here. Store the token in"
                + " Tenet's encrypted vault instead (--store vault), or reference an environment"
                + " variable (env:VAR) for headless runs.");
    assertThatThrownBy(() -> keychain.read("gh"))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("No OS keychain is reachable");
    assertThatThrownBy(() -> keychain.write("gh", Secret.of("secret-value-for-keychain")))
        .isInstanceOf(CredentialException.class);
  }
}
