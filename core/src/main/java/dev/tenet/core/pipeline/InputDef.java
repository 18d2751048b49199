package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;

/**
 * An input of a reusable workflow, a manually run workflow, an action or a GitLab {@code spec}.
 *
 * @param type string, boolean, number, choice, environment... (empty when not declared)
 * @param source workflow_call, workflow_dispatch, action or spec
 */
public record InputDef(String name, YamlScalar key, String type, YamlNode node, String source) {

  /** Typed inputs that cannot carry shell syntax. */
  public boolean structured() {
    return switch (type) {
      case "boolean", "number", "choice", "environment" -> true;
      default -> false;
    };
  }
}
