package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** Job logs and artifacts of a public (or internal) project are open to non-members. */
public final class PipelineLogsPublic implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-CI-002",
          "pipeline-logs-public",
          Severity.LOW,
          "Job logs and artifacts are visible to non-members",
          "Job logs show environment details, internal hostnames and, after one careless echo,"
              + " credentials; artifacts may hold builds not meant for release.",
          List.of(
              "In Settings → CI/CD → General pipelines, untick 'Project-based pipeline"
                  + " visibility' (public pipelines), or set CI/CD to 'Only Project Members' in"
                  + " Settings → General → Visibility."),
          List.of(
              GitLab.DOCS + "ci/pipelines/settings/#change-which-users-can-view-your-pipelines"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      String visibility = project.text(Attr.VISIBILITY).orElse("");
      if (visibility.equals("private") || project.isFalse(Attr.JOB_LOGS_PUBLIC)) {
        outcomes.pass(project.id());
      } else if (project.isTrue(Attr.JOB_LOGS_PUBLIC) && !visibility.isEmpty()) {
        boolean everyone = visibility.equals("public");
        outcomes
            .fail(
                project.id(),
                "Job logs and artifacts of "
                    + project.name()
                    + " are visible to "
                    + (everyone
                        ? "anyone on the internet."
                        : "every signed-in user of the instance."))
            .with("visibility", visibility)
            .with("public_jobs", true)
            .severity(everyone ? Severity.LOW : Severity.INFO);
      } else {
        outcomes.unknown(project.id(), "pipeline visibility not visible to the token");
      }
    }
  }
}
