package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * One event that starts a workflow ({@code on: pull_request_target}) or a GitLab pipeline source
 * ({@code merge_request_event}).
 *
 * @param event the event name as written, e.g. pull_request_target
 * @param key where it is named
 * @param config its filters (types, branches, tags, paths, workflows, inputs), or null
 */
public record Trigger(String event, YamlScalar key, YamlMap config) {

  /** A list filter such as {@code branches} or {@code tags}; empty when absent. */
  public List<String> filter(String name) {
    if (config == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    config
        .get(name)
        .ifPresent(
            n -> {
              if (n instanceof YamlScalar s && !s.isNull()) {
                out.add(s.value());
              }
              n.asSeq().ifPresent(seq -> seq.items().forEach(i -> out.add(i.text())));
            });
    return out;
  }

  public boolean hasFilter(String name) {
    return config != null && config.get(name).filter(n -> !isNull(n)).isPresent();
  }

  private static boolean isNull(YamlNode n) {
    return n instanceof YamlScalar s && s.isNull();
  }
}
