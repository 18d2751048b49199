package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code strategy.matrix} (GitHub) or {@code parallel.matrix} (GitLab).
 *
 * @param node as written, or null
 * @param dynamic true when the matrix comes from an expression (e.g. {@code fromJSON(...)})
 * @param values every value a key can take, from its list and from {@code include} entries
 */
public record Matrix(YamlNode node, boolean dynamic, Map<String, List<YamlNode>> values) {
  public static final Matrix NONE = new Matrix(null, false, Map.of());

  public List<YamlNode> valuesOf(String key) {
    return values.getOrDefault(key, List.of());
  }
}
