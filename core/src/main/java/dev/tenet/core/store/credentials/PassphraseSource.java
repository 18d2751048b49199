package dev.tenet.core.store.credentials;

import dev.tenet.core.credentials.CredentialException;
import java.nio.file.Path;

/**
 * Where the vault's passphrase comes from: a hidden prompt in a terminal, the console's dialog, or
 * an environment variable for headless runs. Asked only when the vault is actually needed.
 */
@FunctionalInterface
public interface PassphraseSource {
  /**
   * @param vault the vault file, to name it in the prompt
   * @param creating true when the vault is about to be created (a prompt should ask twice)
   * @return the passphrase; the caller wipes the array after use
   * @throws CredentialException when no passphrase can be had (no terminal, no variable)
   */
  char[] passphrase(Path vault, boolean creating);

  /** The variable a headless run may set to the vault's passphrase. */
  String VARIABLE = "TENET_VAULT_PASSPHRASE";

  /** The passphrase from {@value #VARIABLE}, for headless runs (CI, scheduled scans). */
  static PassphraseSource environment(java.util.Map<String, String> environment) {
    return (vault, creating) -> {
      String value = environment.get(VARIABLE);
      if (value == null || value.isEmpty()) {
        throw new CredentialException(
            "The vault "
                + vault
                + " needs its passphrase: run in a terminal to be asked for it, or set "
                + VARIABLE
                + " for headless runs.");
      }
      return value.toCharArray();
    };
  }
}
