package dev.tenet.app.gui.common;

import dev.tenet.app.service.UserError;
import dev.tenet.core.credentials.CredentialException;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.scan.ScanException;
import dev.tenet.core.store.StoreException;
import java.util.concurrent.CancellationException;

/** One sentence for the user out of any failure; never a stack trace. */
public final class Messages {
  private Messages() {}

  /** The sentence, with anything shaped like a credential masked. */
  public static String of(Throwable e) {
    return Redactor.redact(sentence(e));
  }

  private static String sentence(Throwable e) {
    if (e instanceof UserError
        || e instanceof ScanException
        || e instanceof StoreException
        || e instanceof CredentialException) {
      return e.getMessage();
    }
    if (e instanceof CancellationException) {
      return "Cancelled; nothing was stored.";
    }
    if (e instanceof InterruptedException) {
      return "Stopped before it finished.";
    }
    String m = e.getMessage();
    return "Something went wrong ("
        + e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""))
        + "). Try again; if it persists, run the same from the command line with --verbose.";
  }
}
