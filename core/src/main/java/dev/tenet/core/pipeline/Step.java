package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.Map;
import java.util.Optional;

/**
 * One step: a GitHub step ({@code uses:} or {@code run:}), or one command line of a GitLab {@code
 * script}, {@code before_script} or {@code after_script}.
 *
 * @param index position in the job, from 0
 * @param node the step as written (a map for GitHub, the command scalar for GitLab)
 * @param id the {@code id:}, or empty
 * @param name the {@code name:}, or empty
 * @param uses the action it runs, or null
 * @param with the action's inputs
 * @param run the script, or null
 * @param shell the shell the script runs in (step, job or workflow default, else the runner's)
 * @param env the step's own environment
 * @param condition the {@code if:}, or null
 * @param section where the step comes from: steps, script, before_script or after_script
 */
public record Step(
    int index,
    YamlNode node,
    String id,
    String name,
    Uses uses,
    Map<String, YamlNode> with,
    YamlScalar run,
    String shell,
    Env env,
    YamlScalar condition,
    String section) {

  public Step {
    with = Map.copyOf(with);
  }

  public Optional<YamlScalar> input(String name) {
    YamlNode n = with.get(name);
    return n instanceof YamlScalar s ? Optional.of(s) : Optional.empty();
  }

  public boolean usesAction(String slug) {
    return uses != null && uses.is(slug);
  }

  /** How to name the step in a message: its name, its id, or its number. */
  public String label() {
    if (!name.isEmpty()) {
      return "'" + name + "'";
    }
    if (!id.isEmpty()) {
      return "'" + id + "'";
    }
    return "#" + (index + 1);
  }

  /** True when the step can never run ({@code if: false}). */
  public boolean disabled() {
    if (condition == null) {
      return false;
    }
    String c = condition.value().strip();
    return c.equals("false") || c.replace(" ", "").equals("${{false}}");
  }
}
