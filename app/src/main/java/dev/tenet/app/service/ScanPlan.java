package dev.tenet.app.service;

import java.util.List;

/** What one scan covers: the bundled demo, and/or real connections. */
public record ScanPlan(boolean demo, List<ConnectionSpec> connections) {
  public ScanPlan {
    connections = List.copyOf(connections);
  }

  public static ScanPlan demoOnly() {
    return new ScanPlan(true, List.of());
  }

  public boolean isEmpty() {
    return !demo && connections.isEmpty();
  }
}
