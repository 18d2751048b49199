package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.PipelineKind;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.Trigger;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * {@code pull_request_target} and {@code workflow_run} run with the base repository's token and
 * secrets on behalf of anyone who opens a pull request. Safe uses exist but are rare; each one
 * deserves a review. A workflow that only labels pull requests with actions/labeler is the accepted
 * exception.
 */
final class DangerousTrigger extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-TRIGGER-001",
          "dangerous-trigger",
          Severity.LOW,
          "Workflow runs with privileges for pull requests from anyone",
          "pull_request_target and workflow_run give a write token and the repository's secrets"
              + " to a workflow that outsiders start, so any mistake in it (checking out the pull"
              + " request, interpolating its title) becomes a takeover.",
          List.of(
              "Use `pull_request` unless the workflow truly needs write access or secrets.",
              "If it does, keep it minimal: never check out or run the pull request's code, pass"
                  + " event data only through environment variables, set `permissions:` to the"
                  + " least it needs, and protect secrets with an environment that needs approval."),
          List.of(
              "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/",
              "https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("dangerous-triggers");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return p.kind() == PipelineKind.GITHUB_WORKFLOW;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    for (Trigger t : p.triggers()) {
      boolean prt = t.event().equals("pull_request_target");
      if (!prt && !t.event().equals("workflow_run")) {
        continue;
      }
      if (prt && labelerOnly(p)) {
        continue;
      }
      boolean runsCode = runsCode(p);
      report
          .fail(
              t.key(),
              p.on(),
              "The workflow is triggered by "
                  + t.event()
                  + (prt
                      ? ", so it runs with the base repository's write token and secrets for pull"
                          + " requests from any fork"
                      : ", so it runs with the repository's write token and secrets after workflows"
                          + " that outsiders can start")
                  + (runsCode ? " and it runs scripts or checks out code" : "")
                  + ".")
          .severity(runsCode ? Severity.MEDIUM : Severity.LOW)
          .with("event", t.event());
    }
  }

  /** zizmor's exception: a single job with a single actions/labeler step. */
  private static boolean labelerOnly(Pipeline p) {
    if (p.jobs().size() != 1) {
      return false;
    }
    List<Step> steps = p.jobs().get(0).steps();
    return steps.size() == 1 && steps.get(0).usesAction("actions/labeler");
  }

  private static boolean runsCode(Pipeline p) {
    for (Job j : p.jobs()) {
      for (Step s : j.steps()) {
        if (s.run() != null || s.usesAction("actions/checkout")) {
          return true;
        }
      }
    }
    return false;
  }
}
