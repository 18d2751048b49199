package dev.tenet.connectors.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image manifest or an index (multi-platform image), as read from a registry. Its digest is
 * computed from the bytes received, never taken from the registry's word.
 *
 * @param manifests the entries of an index (empty for a manifest)
 * @param layers the layers of a manifest (empty for an index)
 * @param subject the artifact this one refers to (OCI 1.1), or null
 */
public record OciManifest(
    String digest,
    String mediaType,
    String artifactType,
    Descriptor config,
    List<Descriptor> layers,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations,
    byte[] raw) {

  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType) || (!manifests.isEmpty() && layers.isEmpty());
  }

  /**
   * Parses a manifest body; the media type comes from the body, else from the response's
   * Content-Type.
   */
  public static OciManifest parse(byte[] body, String contentType) throws IOException {
    JsonNode json = Json.mapper().readTree(body);
    if (json == null || !json.isObject()) {
      throw new IOException("not a JSON object");
    }
    String mediaType = json.path("mediaType").asText("");
    if (mediaType.isEmpty() && contentType != null) {
      mediaType = contentType.split(";")[0].strip();
    }
    List<Descriptor> layers = new ArrayList<>();
    json.path("layers").forEach(l -> layers.add(Descriptor.parse(l)));
    List<Descriptor> manifests = new ArrayList<>();
    json.path("manifests").forEach(m -> manifests.add(Descriptor.parse(m)));
    Map<String, String> annotations = new LinkedHashMap<>();
    json.path("annotations")
        .properties()
        .forEach(e -> annotations.put(e.getKey(), e.getValue().asText()));
    return new OciManifest(
        Digests.sha256(body),
        mediaType,
        json.hasNonNull("artifactType") ? json.path("artifactType").asText() : null,
        json.path("config").isObject() ? Descriptor.parse(json.path("config")) : null,
        List.copyOf(layers),
        List.copyOf(manifests),
        json.path("subject").isObject() ? Descriptor.parse(json.path("subject")) : null,
        Map.copyOf(annotations),
        body);
  }

  /** The artifact type: the manifest's own, else its config's media type (OCI 1.1 rule). */
  public String effectiveArtifactType() {
    if (artifactType != null) {
      return artifactType;
    }
    return config == null ? null : config.mediaType();
  }
}
