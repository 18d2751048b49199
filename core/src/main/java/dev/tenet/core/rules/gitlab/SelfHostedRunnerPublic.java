package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** A public project may run its jobs on runners the customer hosts. */
public final class SelfHostedRunnerPublic implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-RUNNER-002",
          "self-hosted-runner-public",
          Severity.CRITICAL,
          "Self-hosted runner serves a public project",
          "Code of a public project is shaped by outsiders (merge requests from forks,"
              + " dependencies, issues turned into changes); jobs that run it on your own"
              + " machines reach your network, caches and the credentials of later jobs.",
          List.of(
              "Run the public project's jobs on GitLab-hosted runners, or on ephemeral runners"
                  + " in an isolated network.",
              "Disable group and instance runners for the project (Settings → CI/CD → Runners),"
                  + " and untick 'Run pipelines for merge requests from forks in this project'."),
          List.of(
              GitLab.DOCS
                  + "ci/runners/configure_runners/#prevent-runners-from-revealing-sensitive-information"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      if (!project.text(Attr.VISIBILITY).orElse("").equals("public")) {
        continue;
      }
      if (!project.isTrue(Attr.RUNNERS_LISTED)) {
        outcomes.unknown(project.id(), "runners of the project not visible to the token");
        continue;
      }
      List<Entity> selfHosted =
          context.graph().targets(project, RelationKind.RUNS_ON).stream()
              .filter(r -> !r.isTrue(Attr.HOSTED) && !r.isFalse(Attr.ACTIVE))
              .toList();
      if (selfHosted.isEmpty()) {
        outcomes.pass(project.id());
        continue;
      }
      outcomes
          .fail(
              project.id(),
              "Public project "
                  + project.name()
                  + " may run its jobs on "
                  + selfHosted.size()
                  + " self-hosted runner(s).")
          .with("runners", selfHosted.stream().map(Entity::name).sorted().toList())
          .with(
              "fork_pipelines_in_parent_project",
              project.bool(Attr.FORK_PIPELINES_IN_PARENT).orElse(null))
          .severity(
              project.isFalse(Attr.FORK_PIPELINES_IN_PARENT) ? Severity.HIGH : Severity.CRITICAL);
    }
  }
}
