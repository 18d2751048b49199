package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** Merge requests can be merged while their pipeline failed, or was skipped. */
public final class PipelineNotRequired implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-MR-003",
          "status-checks-not-required",
          Severity.MEDIUM,
          "Merge requests can be merged without a successful pipeline",
          "Tests, scanners and policy jobs only protect the default branch when their failure"
              + " blocks the merge; otherwise a red (or skipped) pipeline is a suggestion.",
          List.of(
              "In Settings → Merge requests → Merge checks, tick 'Pipelines must succeed'.",
              "Leave 'Skipped pipelines are considered successful' unticked, so '[skip ci]' in a"
                  + " commit message cannot skip the checks."),
          List.of(
              GitLab.DOCS
                  + "user/project/merge_requests/auto_merge/#require-a-successful-pipeline-for-merge"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      if (project.text(Attr.DEFAULT_BRANCH).isEmpty()) {
        continue; // Nothing is merged into an empty repository yet.
      }
      if (project.isFalse(Attr.STATUS_CHECKS_REQUIRED)) {
        outcomes
            .fail(
                project.id(),
                "Merge requests of " + project.name() + " can be merged when the pipeline fails.")
            .with("only_allow_merge_if_pipeline_succeeds", false);
      } else if (project.isTrue(Attr.STATUS_CHECKS_REQUIRED)
          && project.isTrue(Attr.SKIPPED_PIPELINE_ALLOWED)) {
        outcomes
            .fail(
                project.id(),
                "Merge requests of "
                    + project.name()
                    + " need a successful pipeline, but a skipped pipeline counts as one.")
            .with("only_allow_merge_if_pipeline_succeeds", true)
            .with("allow_merge_on_skipped_pipeline", true)
            .severity(Severity.LOW);
      } else if (project.isTrue(Attr.STATUS_CHECKS_REQUIRED)) {
        outcomes.pass(project.id());
      } else {
        outcomes.unknown(project.id(), "merge checks not visible to the token");
      }
    }
  }
}
