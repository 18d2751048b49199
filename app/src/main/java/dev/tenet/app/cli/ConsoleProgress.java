package dev.tenet.app.cli;

import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.ScanListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Scan progress on standard error: one line per step, and a line per tenth of the repositories so
 * logs of scheduled runs stay short. Thread-safe (connectors report from several threads).
 */
final class ConsoleProgress implements ScanListener {
  private final PrintWriter err;
  private final boolean verbose;
  private int lastTenth = -1;

  ConsoleProgress(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
  }

  @Override
  public synchronized void connectionStarted(ScopeEntry scope) {
    lastTenth = -1;
    line("Scanning " + scope.platform() + " " + scope.target() + " at " + scope.baseUrl());
  }

  @Override
  public synchronized void progress(ScopeEntry scope, int done, int total, String item) {
    if (total <= 0) {
      if (verbose) {
        line("  reading " + item);
      }
      return;
    }
    int tenth = done * 10 / total;
    if (verbose || tenth != lastTenth || done == total) {
      lastTenth = tenth;
      line(String.format("  %d/%d %s", done, total, item));
    }
  }

  @Override
  public synchronized void waiting(ScopeEntry scope, Duration duration, String reason) {
    line("  waiting " + duration.toSeconds() + " s: " + reason);
  }

  @Override
  public synchronized void blindSpot(BlindSpot spot) {
    if (verbose) {
      line("  blind spot: " + spot.resource() + ": " + spot.what() + " (" + spot.reason() + ")");
    }
  }

  @Override
  public synchronized void phase(String description) {
    line(description);
  }

  @Override
  public synchronized void connectionFailed(ScopeEntry scope, String reason) {
    line("  could not assess " + scope.platform() + " " + scope.target() + ": " + reason);
  }

  private void line(String text) {
    err.println(Redactor.redact(text));
    err.flush();
  }
}
