package dev.tenet.core.scan;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.SourceFile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What a connector reports into, shared by all connectors of one scan. Thread-safe. */
public final class CollectContext {
  private final TrustGraph graph = new TrustGraph();
  private final List<BlindSpot> blindSpots = new ArrayList<>();
  private final List<SourceFile> sources = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final ScanListener listener;
  private final Cancellation cancellation;
  private final Instant scanTime;

  public CollectContext(ScanListener listener, Cancellation cancellation, Instant scanTime) {
    this.listener = listener;
    this.cancellation = cancellation;
    this.scanTime = scanTime;
  }

  public TrustGraph graph() {
    return graph;
  }

  public void blindSpot(BlindSpot spot) {
    synchronized (blindSpots) {
      blindSpots.add(spot);
    }
    listener.blindSpot(spot);
  }

  public void source(SourceFile file) {
    synchronized (sources) {
      sources.add(file);
    }
  }

  /** Counts one API request; {@code wasNotModified} when it was answered 304. */
  public void countRequest(boolean wasNotModified) {
    requests.incrementAndGet();
    if (wasNotModified) {
      notModified.incrementAndGet();
    }
  }

  public void progress(ScopeEntry scope, int done, int total, String item) {
    listener.progress(scope, done, total, item);
  }

  public void waiting(ScopeEntry scope, Duration duration, String reason) {
    listener.waiting(scope, duration, reason);
  }

  public Cancellation cancellation() {
    return cancellation;
  }

  /** The time the scan started: rules and connectors use it instead of reading the clock. */
  public Instant scanTime() {
    return scanTime;
  }

  public List<BlindSpot> blindSpots() {
    synchronized (blindSpots) {
      return List.copyOf(blindSpots);
    }
  }

  public List<SourceFile> sources() {
    synchronized (sources) {
      return List.copyOf(sources);
    }
  }

  public long requests() {
    return requests.get();
  }

  public long notModified() {
    return notModified.get();
  }
}
