package dev.tenet.connectors.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OCI content descriptor: what a manifest points to (a layer, a config, a manifest of an index,
 * a referrer).
 *
 * @param platform os/architecture of an index entry, or null
 */
public record Descriptor(
    String mediaType,
    String digest,
    long size,
    String artifactType,
    Map<String, String> annotations,
    String platform) {

  public Descriptor {
    annotations = Map.copyOf(annotations);
  }

  static Descriptor parse(JsonNode json) {
    Map<String, String> annotations = new LinkedHashMap<>();
    json.path("annotations")
        .properties()
        .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
    JsonNode p = json.path("platform");
    String platform =
        p.isObject()
            ? p.path("os").asText("?")
                + "/"
                + p.path("architecture").asText("?")
                + (p.hasNonNull("variant") ? "/" + p.path("variant").asText() : "")
            : null;
    return new Descriptor(
        json.path("mediaType").asText(""),
        json.path("digest").asText(""),
        json.path("size").asLong(-1),
        json.hasNonNull("artifactType") ? json.path("artifactType").asText() : null,
        annotations,
        platform);
  }

  public String annotation(String name) {
    return annotations.get(name);
  }
}
