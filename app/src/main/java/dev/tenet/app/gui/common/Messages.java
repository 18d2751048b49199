package dev.tenet.app.gui.common;

import dev.tenet.app.service.UserError;
import dev.tenet.core.scan.ScanException;
import dev.tenet.core.store.StoreException;
import java.util.concurrent.CancellationException;

/** One sentence for the user out of any failure; never a stack trace. */
public final class Messages {
  private Messages() {}

  public static String of(Throwable e) {
    if (e instanceof UserError || e instanceof ScanException || e instanceof StoreException) {
      return e.getMessage();
    }
    if (e instanceof CancellationException) {
      return "Cancelled; nothing was stored.";
    }
    String m = e.getMessage();
    return "Something went wrong ("
        + e.getClass().getSimpleName()
        + (m == null ? "" : ": " + m.lines().findFirst().orElse(""))
        + ").";
  }
}
