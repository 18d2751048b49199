package dev.tenet.connectors.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.util.List;

/**
 * Reads a cluster from {@code kubectl get … -o json} (or {@code -o yaml}) exports: a {@code List}
 * of any kinds, typed lists ({@code ClusterRoleList}), single objects, or several YAML documents. A
 * Secret's data is dropped as soon as it is read: only its metadata matters.
 */
final class KubernetesExportReader {
  static final String EXPORT_COMMAND =
      "kubectl get clusterroles,clusterrolebindings,roles,rolebindings,serviceaccounts,namespaces,"
          + "validatingwebhookconfigurations,mutatingwebhookconfigurations -A -o json";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private KubernetesExportReader() {}

  static ClusterSnapshot read(List<ExportFile> files) throws ConnectorException {
    ClusterSnapshot snapshot = new ClusterSnapshot();
    for (ExportFile file : files) {
      for (JsonNode document : documents(file)) {
        collect(document, null, snapshot);
      }
    }
    boolean rbac =
        snapshot.has("ClusterRoleBinding")
            || snapshot.has("RoleBinding")
            || snapshot.has("ClusterRole")
            || snapshot.has("Role");
    if (!rbac) {
      throw new ConnectorException(
          "No Kubernetes RBAC objects among the files given: export them with "
              + EXPORT_COMMAND
              + ".");
    }
    return snapshot;
  }

  private static List<JsonNode> documents(ExportFile file) throws ConnectorException {
    String head = new String(file.content(), 0, Math.min(file.content().length, 64)).strip();
    try {
      if (head.startsWith("{") || head.startsWith("[")) {
        return List.of(Json.mapper().readTree(file.content()));
      }
      try (MappingIterator<JsonNode> docs =
          YAML.readerFor(JsonNode.class).readValues(file.content())) {
        return docs.readAll().stream().filter(d -> d != null && !d.isNull()).toList();
      }
    } catch (IOException | RuntimeException e) {
      throw new ConnectorException(
          file.name()
              + " is not a kubectl JSON or YAML export; give the output of "
              + EXPORT_COMMAND
              + ".",
          e);
    }
  }

  private static void collect(JsonNode node, String itemKind, ClusterSnapshot snapshot)
      throws ConnectorException {
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, itemKind, snapshot);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String kind = node.path("kind").asText(itemKind == null ? "" : itemKind);
    if (node.has("items") && node.path("items").isArray()) {
      String inner =
          kind.endsWith("List") && !kind.equals("List")
              ? kind.substring(0, kind.length() - "List".length())
              : null;
      collect(node.path("items"), inner, snapshot);
      return;
    }
    if (kind.isEmpty()) {
      return;
    }
    if (kind.equals("Secret") && node.has("data")) {
      // Never keep secret values around, not even in memory longer than this.
      ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(List.of("data", "stringData"));
    }
    snapshot.add(kind, node);
  }
}
