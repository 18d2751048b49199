package dev.tenet.core.scan;

import java.util.concurrent.CancellationException;

/** Lets the user stop a scan; connectors check it between requests. */
public final class Cancellation {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link CancellationException} once the scan was cancelled. */
  public void check() {
    if (cancelled) {
      throw new CancellationException("The scan was cancelled.");
    }
  }
}
