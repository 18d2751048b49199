package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.Map;
import java.util.Optional;

/**
 * Environment variables (GitHub {@code env:}) or GitLab {@code variables:} at one level.
 *
 * @param vars by name, in file order
 * @param node the block, or null when absent
 * @param dynamic true when the whole block is an expression ({@code env: ${{ fromJSON(x) }}})
 */
public record Env(Map<String, Var> vars, YamlNode node, boolean dynamic) {

  /**
   * One variable.
   *
   * @param value its scalar value (GitLab's {@code {value: ...}} form is unwrapped), or null
   * @param expands false for GitLab variables marked {@code expand: false}
   */
  public record Var(String name, YamlScalar key, YamlScalar value, boolean expands) {}

  public static final Env NONE = new Env(Map.of(), null, false);

  public Optional<Var> get(String name) {
    return Optional.ofNullable(vars.get(name));
  }
}
