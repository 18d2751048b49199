package dev.tenet.connectors.registry.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-toto statement: what it is about (subjects, by digest) and what it says (a predicate of a
 * type, e.g. SLSA provenance).
 *
 * @param subjectDigests the subjects' digests as {@code sha256:<hex>}
 */
public record Statement(String predicateType, List<String> subjectDigests, JsonNode predicate) {
  public Statement {
    subjectDigests = List.copyOf(subjectDigests);
  }

  public static Statement parse(byte[] json) throws IOException {
    JsonNode node = Json.mapper().readTree(json);
    if (node == null || !node.isObject() || !node.has("predicateType")) {
      throw new IOException("not an in-toto statement");
    }
    List<String> digests = new ArrayList<>();
    for (JsonNode s : node.path("subject")) {
      s.path("digest")
          .properties()
          .forEach(d -> digests.add(d.getKey() + ":" + d.getValue().asText()));
    }
    return new Statement(node.path("predicateType").asText(), digests, node.path("predicate"));
  }

  public boolean isAbout(String digest) {
    return subjectDigests.contains(digest);
  }

  public boolean isProvenance() {
    return Provenance.isProvenanceType(predicateType);
  }
}
