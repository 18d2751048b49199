package dev.tenet.app.service;

import java.util.List;

/** What one scan covers: the bundled demo, real connections, and container registries. */
public record ScanPlan(
    boolean demo,
    List<ConnectionSpec> connections,
    List<RegistrySpec> registries,
    RegistrySettings registrySettings) {
  public ScanPlan {
    connections = List.copyOf(connections);
    registries = List.copyOf(registries);
    registrySettings = registrySettings == null ? RegistrySettings.defaults() : registrySettings;
  }

  public ScanPlan(boolean demo, List<ConnectionSpec> connections) {
    this(demo, connections, List.of(), RegistrySettings.defaults());
  }

  public static ScanPlan demoOnly() {
    return new ScanPlan(true, List.of());
  }

  public boolean isEmpty() {
    return !demo && connections.isEmpty() && registries.isEmpty();
  }
}
