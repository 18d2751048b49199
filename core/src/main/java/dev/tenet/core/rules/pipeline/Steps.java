package dev.tenet.core.rules.pipeline;

import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;

/** Where to point inside a step. */
final class Steps {
  private Steps() {}

  /** The {@code run:} key of a GitHub step (the command scalar of a GitLab step). */
  static YamlNode runKey(Step step) {
    if (step.node() instanceof YamlMap m) {
      return m.entry("run").<YamlNode>map(YamlMap.Entry::key).orElse(step.node());
    }
    return step.run() != null ? step.run() : step.node();
  }

  /** The {@code uses:} value of a step. */
  static YamlNode usesValue(Step step) {
    return step.uses() != null ? step.uses().node() : step.node();
  }

  /** The value of {@code with.<name>}, or the step. */
  static YamlNode input(Step step, String name) {
    YamlNode n = step.with().get(name);
    return n != null ? n : step.node();
  }

  /** A boolean-like input: true/false (any case, quoted or not), else empty. */
  static java.util.Optional<Boolean> bool(Step step, String name) {
    YamlNode n = step.with().get(name);
    return n instanceof YamlScalar s ? s.bool() : java.util.Optional.empty();
  }
}
