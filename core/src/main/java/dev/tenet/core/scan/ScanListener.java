package dev.tenet.core.scan;

import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import java.time.Duration;

/**
 * Progress of a scan. Threading contract: methods may be called from any thread, concurrently;
 * implementations that touch a UI must hand over to the UI thread themselves.
 */
public interface ScanListener {
  ScanListener NONE = new ScanListener() {};

  /** A connection starts being collected. */
  default void connectionStarted(ScopeEntry scope) {}

  /**
   * Collection of a connection moved on.
   *
   * @param total items to collect (repositories, projects), or -1 while not yet known
   * @param item what is being read now
   */
  default void progress(ScopeEntry scope, int done, int total, String item) {}

  /** The scan waits, e.g. for a rate limit to reset; says why and how long. */
  default void waiting(ScopeEntry scope, Duration duration, String reason) {}

  default void blindSpot(BlindSpot spot) {}

  /** A step of the scan after collection: "Evaluating rules", "Storing the assessment". */
  default void phase(String description) {}

  /** A connection could not be assessed; the scan goes on without it. */
  default void connectionFailed(ScopeEntry scope, String reason) {}
}
