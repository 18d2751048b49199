package dev.tenet.core.rules.pipeline;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A job that pull requests trigger runs on a self-hosted runner: the author of a pull request from
 * a fork runs code on a machine that persists between jobs and sits inside the network. Critical on
 * a public repository (or when visibility is unknown); medium on a private one, where only
 * collaborators can open pull requests.
 */
final class SelfHostedRunnerExposed extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-RUNNER-001",
          "self-hosted-runner-public",
          Severity.CRITICAL,
          "Pull requests run on a self-hosted runner",
          "Self-hosted runners are not wiped between jobs and usually reach internal networks"
              + " and cloud credentials; a fork's pull request that runs there can plant"
              + " persistence, steal later jobs' secrets or move inward.",
          List.of(
              "Run pull request jobs on GitHub-hosted runners.",
              "If self-hosted runners are required, make them ephemeral (one job per runner),"
                  + " isolate them in a runner group restricted to private repositories, and"
                  + " require approval for workflows from outside collaborators."),
          List.of(
              "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security",
              "https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-workflow-runs/approving-workflow-runs-from-public-forks"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("self-hosted-runner");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    List<String> prEvents = p.events().stream().filter(Triggers.PULL_REQUEST::contains).toList();
    if (prEvents.isEmpty()) {
      return;
    }
    Optional<String> visibility =
        context.graph().find(p.resource()).flatMap(r -> r.text(Attr.VISIBILITY));
    boolean isPrivate = visibility.map(v -> !v.equalsIgnoreCase("public")).orElse(false);
    for (Job job : p.jobs()) {
      if (job.isReusableCall() || !job.runsOn().selfHosted()) {
        continue;
      }
      YamlNode at = job.runsOn().node();
      String runner =
          job.runsOn().group() != null
              ? "the runner group '" + job.runsOn().group().value() + "'"
              : "the self-hosted runner labels " + job.runsOn().labelNames();
      report
          .fail(
              at,
              job.node(),
              "Job "
                  + job.label()
                  + " runs on "
                  + runner
                  + " and the workflow is triggered by "
                  + String.join(", ", prEvents)
                  + ", so "
                  + (isPrivate
                      ? "any collaborator's pull request"
                      : "a pull request from any fork"
                          + (visibility.isEmpty() ? " (if the repository is public)" : ""))
                  + " runs code on that machine.")
          .severity(isPrivate ? Severity.MEDIUM : Severity.CRITICAL)
          .with("runsOn", job.runsOn().labelNames())
          .with("group", job.runsOn().group() == null ? null : job.runsOn().group().value())
          .with("visibility", visibility.orElse(null));
    }
  }
}
