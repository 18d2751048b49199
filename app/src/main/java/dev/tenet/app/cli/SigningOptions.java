package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.reports.sign.SigningKey;
import java.io.Console;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --sign KEY.p12} and {@code --sign-alias}: the key a PDF report is signed with. */
final class SigningOptions {
  @Option(
      names = "--sign",
      paramLabel = "KEY.p12",
      description = {
        "Sign the PDF report with the private key in this PKCS #12 file.",
        "Its password is read from TENET_SIGNING_PASSWORD, or asked for at the terminal."
      })
  Path keyFile;

  @Option(
      names = "--sign-alias",
      paramLabel = "ALIAS",
      description = "The key's alias in the PKCS #12 file, when it holds several.")
  String alias;

  boolean signs() {
    return keyFile != null;
  }

  /** The key, opened now (so a wrong password stops the command before any work), or null. */
  SigningKey open(AppContext context) {
    return keyFile == null
        ? null
        : context.reports().signingKey(keyFile, alias, this::promptForPassword);
  }

  /** A hidden prompt at the terminal; null without one (the caller then says what to set). */
  private char[] promptForPassword() {
    Console console = System.console();
    return console == null
        ? null
        : console.readPassword("Password of the signing key %s: ", keyFile);
  }
}
