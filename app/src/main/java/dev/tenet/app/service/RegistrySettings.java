package dev.tenet.app.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What applies to every registry of a scan.
 *
 * @param keyFiles PEM public keys whose signatures count as the organization's (cosign.pub)
 * @param tagsPerRepository the most recent tags inspected per repository
 * @param trustedSources source locations whose builds are the organization's own (github.com/acme)
 * @param repositories glob patterns of the repositories to inspect; empty for all
 */
public record RegistrySettings(
    List<Path> keyFiles,
    int tagsPerRepository,
    List<String> trustedSources,
    List<String> repositories) {

  public RegistrySettings {
    keyFiles = List.copyOf(keyFiles);
    trustedSources = List.copyOf(trustedSources);
    repositories = List.copyOf(repositories);
  }

  public static RegistrySettings defaults() {
    return new RegistrySettings(
        List.of(), dev.tenet.connectors.registry.ImageSelection.DEFAULT_TAGS, List.of(), List.of());
  }
}
