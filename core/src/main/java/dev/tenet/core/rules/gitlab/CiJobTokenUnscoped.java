package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** Job tokens of any project's pipelines may reach this project (no inbound allowlist). */
public final class CiJobTokenUnscoped implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-CI-001",
          "ci-job-token-unscoped",
          Severity.MEDIUM,
          "Pipeline job tokens of other projects can reach this project",
          "CI_JOB_TOKEN carries the permissions of the user who ran the job: without an"
              + " allowlist, a pipeline in any project that user can change may read this"
              + " project's code, packages and artifacts.",
          List.of(
              "In Settings → CI/CD → Job token permissions, select 'Only this project and any"
                  + " groups and projects in the allowlist'.",
              "Add to the allowlist only the projects whose pipelines need access."),
          List.of(GitLab.DOCS + "ci/jobs/ci_job_token/#control-job-token-access-to-your-project"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      if (project.isFalse(Attr.CI_TOKEN_SCOPE_LIMITED)) {
        outcomes
            .fail(
                project.id(),
                "Job tokens of any project's pipelines can reach " + project.name() + ".")
            .with("inbound_enabled", false);
      } else if (project.isTrue(Attr.CI_TOKEN_SCOPE_LIMITED)) {
        outcomes.pass(project.id());
      } else {
        outcomes.unknown(project.id(), "job token scope visible to Maintainers only");
      }
    }
  }
}
