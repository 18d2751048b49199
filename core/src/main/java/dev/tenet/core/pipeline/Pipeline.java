package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.expr.ExprOccurrence;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.SourceText;
import dev.tenet.core.pipeline.yaml.YamlMap;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pipeline in the neutral model: a GitHub workflow, a GitHub action, or a GitLab CI/CD
 * configuration with its local includes resolved. Every element keeps its node, so every finding
 * can name its file, line and column.
 *
 * @param kind what it is
 * @param resource the repository or project it belongs to (a resource id)
 * @param source the file it was read from (included files are reached through nodes)
 * @param root the document
 * @param name the display name, or empty
 * @param on the {@code on:} value (GitHub workflows), or null
 * @param triggers the events that start it (GitLab: the pipeline sources the jobs can run for)
 * @param permissions workflow-level token permissions
 * @param env workflow-level environment (GitLab: global variables)
 * @param inputs declared inputs (workflow_call, workflow_dispatch, action, GitLab spec)
 * @param jobs its jobs (an action's steps form one job)
 * @param using an action's {@code runs.using} (composite, docker, node20...), or empty
 * @param actionImage a Docker action's {@code runs.image}, or null
 * @param includes GitLab includes of this file and those it includes locally
 * @param blindSpots what could not be followed (remote includes, missing extends targets)
 * @param missingIncludes repository paths of local includes that were not among the files read
 * @param composedOf the paths of the files this pipeline was read from (GitLab: with includes)
 */
public record Pipeline(
    PipelineKind kind,
    String resource,
    SourceText source,
    YamlMap root,
    String name,
    YamlNode on,
    List<Trigger> triggers,
    Permissions permissions,
    Env env,
    Map<String, InputDef> inputs,
    List<Job> jobs,
    String using,
    YamlScalar actionImage,
    List<Include> includes,
    List<String> blindSpots,
    List<String> missingIncludes,
    List<String> composedOf,
    Cache cache) {

  /** Parsed expressions per scalar, shared by every rule of a scan. */
  public static final class Cache {
    private final Map<YamlScalar, List<ExprOccurrence>> expressions = new ConcurrentHashMap<>();
    private final Map<YamlNode, List<YamlScalar>> scalars = new ConcurrentHashMap<>();

    List<ExprOccurrence> expressions(YamlScalar s) {
      if (!Expressions.contains(s.value())) {
        return List.of();
      }
      return expressions.computeIfAbsent(s, k -> Expressions.in(k.value()));
    }
  }

  public Pipeline {
    triggers = List.copyOf(triggers);
    inputs = Map.copyOf(inputs);
    jobs = List.copyOf(jobs);
    includes = List.copyOf(includes);
    blindSpots = List.copyOf(blindSpots);
    missingIncludes = List.copyOf(missingIncludes);
    composedOf = List.copyOf(composedOf);
  }

  /**
   * Every scalar value under a node (keys excluded), in file order, each shared alias target once;
   * computed once per scan and node.
   */
  public List<YamlScalar> scalarsUnder(YamlNode node) {
    if (node == null) {
      return List.of();
    }
    return cache.scalars.computeIfAbsent(node, Nodes::scalarsUnder);
  }

  /** The {@code ${{ }}} expressions in a scalar, parsed once per scan. */
  public List<ExprOccurrence> expressions(YamlScalar s) {
    return s == null ? List.of() : cache.expressions(s);
  }

  public boolean triggeredBy(String event) {
    return triggers.stream().anyMatch(t -> t.event().equals(event));
  }

  public Optional<Trigger> trigger(String event) {
    return triggers.stream().filter(t -> t.event().equals(event)).findFirst();
  }

  public List<String> events() {
    return triggers.stream().map(Trigger::event).toList();
  }

  public Optional<Job> job(String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** A GitHub workflow whose only trigger is {@code workflow_call}: its callers set the rules. */
  public boolean reusableOnly() {
    return kind == PipelineKind.GITHUB_WORKFLOW
        && triggers.size() == 1
        && triggers.get(0).event().equals("workflow_call");
  }

  public boolean isCompositeAction() {
    return kind == PipelineKind.GITHUB_ACTION && using.equalsIgnoreCase("composite");
  }
}
