package dev.tenet.app.gui.common;

import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.store.credentials.PassphraseSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/**
 * Asks for the vault's passphrase in a dialog (twice when the vault is created), for machines
 * without an OS keychain. {@code TENET_VAULT_PASSPHRASE}, when set, answers instead. Called from a
 * background task, it waits for the dialog on the UI thread.
 */
public final class PassphraseDialog implements PassphraseSource {
  private final PassphraseSource environment;
  private final boolean fromEnvironment;

  public PassphraseDialog(Map<String, String> env) {
    this.environment = PassphraseSource.environment(env);
    String v = env.get(VARIABLE);
    this.fromEnvironment = v != null && !v.isEmpty();
  }

  @Override
  public char[] passphrase(Path vault, boolean creating) {
    if (fromEnvironment) {
      return environment.passphrase(vault, creating);
    }
    if (Platform.isFxApplicationThread()) {
      return ask(vault, creating);
    }
    CompletableFuture<char[]> answer = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            answer.complete(ask(vault, creating));
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException("No passphrase was given; nothing was done.");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new CredentialException("No passphrase was given; nothing was done.");
    }
  }

  private static char[] ask(Path vault, boolean creating) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.setTitle(creating ? "Create Tenet's vault" : "Unlock Tenet's vault");
    dialog.setHeaderText(
        creating
            ? "There is no OS keychain here, so Tenet keeps tokens in an encrypted vault."
            : "The token is in Tenet's encrypted vault.");
    PasswordField first = new PasswordField();
    first.setPromptText("Passphrase");
    PasswordField second = new PasswordField();
    second.setPromptText("The same passphrase again");
    Label note =
        new Label(
            creating
                ? "Choose a passphrase of 8 characters at least. It cannot be recovered: without"
                    + " it, the stored tokens must be added again.\n"
                    + vault
                : vault.toString());
    note.setWrapText(true);
    note.setMaxWidth(440);
    VBox content = new VBox(10, note, first);
    if (creating) {
      content.getChildren().add(second);
    }
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Platform.runLater(first::requestFocus);
    ButtonType pressed = dialog.showAndWait().orElse(ButtonType.CANCEL);
    char[] a = first.getText().toCharArray();
    char[] b = second.getText().toCharArray();
    first.clear();
    second.clear();
    try {
      if (pressed != ButtonType.OK || a.length == 0) {
        throw new CredentialException("No passphrase was given; nothing was done.");
      }
      if (creating && !Arrays.equals(a, b)) {
        throw new CredentialException("The two passphrases differ; nothing was stored.");
      }
      return a.clone();
    } finally {
      Arrays.fill(a, '\0');
      Arrays.fill(b, '\0');
    }
  }
}
