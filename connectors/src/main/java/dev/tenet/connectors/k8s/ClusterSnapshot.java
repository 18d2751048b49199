package dev.tenet.connectors.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects read from one cluster, by kind, and what is known about the completeness of what was
 * read: an offline export holds whatever kinds the user exported.
 */
final class ClusterSnapshot {
  /** A part of the cluster that could not be read. */
  record Gap(String what, String reason, String remedy) {}

  private final Map<String, List<JsonNode>> byKind = new LinkedHashMap<>();
  private final List<Gap> gaps = new ArrayList<>();
  private Boolean admissionRead;
  private boolean secretsRead;
  private boolean namespacesRead;

  void add(String kind, JsonNode object) {
    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(object);
  }

  List<JsonNode> of(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  java.util.Set<String> kinds() {
    return byKind.keySet();
  }

  boolean has(String kind) {
    return byKind.containsKey(kind);
  }

  int size() {
    return byKind.values().stream().mapToInt(List::size).sum();
  }

  /** Whether the admission configuration was read; null to decide from what the export holds. */
  void admissionRead(boolean read) {
    this.admissionRead = read;
  }

  Boolean admissionRead() {
    return admissionRead;
  }

  void secretsRead(boolean read) {
    this.secretsRead = read;
  }

  boolean secretsRead() {
    return secretsRead || has("Secret");
  }

  void namespacesRead(boolean read) {
    this.namespacesRead = read;
  }

  boolean namespacesRead() {
    return namespacesRead || has("Namespace");
  }

  void gap(String what, String reason, String remedy) {
    gaps.add(new Gap(what, reason, remedy));
  }

  List<Gap> gaps() {
    return gaps;
  }
}
