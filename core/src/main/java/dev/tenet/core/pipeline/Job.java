package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A job: a GitHub job (normal, or a call to a reusable workflow), a composite action's steps, or a
 * GitLab job after {@code extends}, {@code default:} and includes are applied.
 *
 * @param id the job's key
 * @param key where the job is named (for a composite action, the {@code steps:} key)
 * @param node the job as written (for GitLab, merged with what it extends)
 * @param name display name, or empty
 * @param runsOn where it runs
 * @param permissions token permissions of the job
 * @param env the job's environment (GitLab: its variables, global ones merged in)
 * @param condition its {@code if:}, or null
 * @param steps its steps
 * @param container its container, or null
 * @param services its service containers
 * @param environment the deployment environment, or null
 * @param environmentNode where the environment is named, or null
 * @param matrix its matrix
 * @param outputs job outputs by name
 * @param needs jobs it depends on
 * @param calls the reusable workflow it calls, or null
 * @param with inputs passed to the reusable workflow
 * @param secrets the {@code secrets:} passed to a reusable workflow ({@code inherit} or a map), or
 *     null
 * @param gitlab GitLab specifics, or null on GitHub
 */
public record Job(
    String id,
    YamlScalar key,
    YamlMap node,
    String name,
    RunsOn runsOn,
    Permissions permissions,
    Env env,
    YamlScalar condition,
    List<Step> steps,
    Container container,
    List<Container> services,
    String environment,
    YamlNode environmentNode,
    Matrix matrix,
    Map<String, YamlNode> outputs,
    List<String> needs,
    Uses calls,
    Map<String, YamlNode> with,
    YamlNode secrets,
    GitLab gitlab) {

  public Job {
    steps = List.copyOf(steps);
    services = List.copyOf(services);
    outputs = Map.copyOf(outputs);
    needs = List.copyOf(needs);
    with = Map.copyOf(with);
  }

  /**
   * What GitLab adds to a job.
   *
   * @param sources the pipeline sources the job runs for, from {@code rules:}/{@code only:}/ {@code
   *     except:}/{@code workflow:}; empty when every source is possible
   * @param idTokens OIDC tokens the job requests, by variable name, with their audience node
   * @param secretsNode the {@code secrets:} (Vault, cloud secret managers), or null
   * @param trigger the {@code trigger:} of a bridge job, or null
   * @param cache the {@code cache:}, or null
   * @param stage the stage, or empty
   */
  public record GitLab(
      Set<String> sources,
      Map<String, YamlNode> idTokens,
      YamlNode secretsNode,
      YamlNode trigger,
      YamlNode cache,
      String stage) {
    public GitLab {
      sources = Set.copyOf(sources);
      idTokens = Map.copyOf(idTokens);
    }
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }

  public boolean isReusableCall() {
    return calls != null;
  }

  /** How to name the job in a message. */
  public String label() {
    return name.isEmpty() || name.contains("${{") ? "'" + id + "'" : "'" + name + "'";
  }
}
