package dev.tenet.app.cli;

import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.store.credentials.PassphraseSource;
import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Asks for the vault passphrase at a hidden prompt on the terminal (twice when creating the vault);
 * without a terminal, falls back to {@code TENET_VAULT_PASSPHRASE}.
 */
public final class TerminalPassphrase implements PassphraseSource {
  private final PassphraseSource headless;

  public TerminalPassphrase(Map<String, String> environment) {
    this.headless = PassphraseSource.environment(environment);
  }

  @Override
  public char[] passphrase(Path vault, boolean creating) {
    Console console = System.console();
    if (console == null || System.getenv(VARIABLE) != null) {
      return headless.passphrase(vault, creating);
    }
    if (!creating) {
      char[] typed = console.readPassword("Passphrase of the vault %s: ", vault);
      if (typed == null) {
        throw new CredentialException("No passphrase was given; nothing was done.");
      }
      return typed;
    }
    console.printf(
        "Creating the encrypted vault %s. Choose a passphrase (8 characters at least; it cannot"
            + " be recovered).%n",
        vault);
    char[] first = console.readPassword("New vault passphrase: ");
    char[] second = console.readPassword("Repeat it: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      wipe(first);
      wipe(second);
      throw new CredentialException("The two passphrases differ; nothing was stored.");
    }
    wipe(second);
    return first;
  }

  private static void wipe(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
