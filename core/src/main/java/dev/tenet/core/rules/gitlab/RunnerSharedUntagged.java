package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * A self-managed runner shared between projects takes any untagged job: an instance runner from
 * every project on the instance, a group runner from every project of the group, an unlocked
 * project runner from every project it is enabled in. GitLab-hosted runners (a fresh machine per
 * job) are not judged.
 */
public final class RunnerSharedUntagged implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-RUNNER-001",
          "runner-shared-untagged",
          Severity.MEDIUM,
          "Shared runner picks up untagged jobs from any project",
          "Any project that can use the runner lands its untagged jobs on the same machine as"
              + " the jobs that deploy or hold credentials, where one can read what the other"
              + " left behind.",
          List.of(
              "In the runner's settings, untick 'Run untagged jobs' and give it tags that only"
                  + " the intended jobs use.",
              "Lock project runners to their project, and run sensitive jobs on a runner limited"
                  + " to protected branches."),
          List.of(
              GitLab.DOCS + "ci/runners/configure_runners/#control-jobs-that-a-runner-can-run"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity runner : GitLab.entities(context.graph(), EntityKind.RUNNER)) {
      if (runner.isTrue(Attr.HOSTED) || runner.isFalse(Attr.ACTIVE)) {
        continue;
      }
      String scope = runner.text(Attr.RUNNER_SCOPE).orElse("");
      int users = context.graph().incoming(runner, RelationKind.RUNS_ON).size();
      if (scope.isEmpty() || (scope.equals("project") && users > 1 && !runner.has(Attr.LOCKED))) {
        outcomes.unknown(runner.id(), "runner details visible to administrators and Maintainers");
        continue;
      }
      boolean shared =
          scope.equals("instance")
              || scope.equals("group")
              || (scope.equals("project") && runner.isFalse(Attr.LOCKED) && users > 1);
      if (!shared) {
        outcomes.pass(runner.id());
      } else if (runner.isTrue(Attr.RUN_UNTAGGED)) {
        outcomes
            .fail(
                runner.id(),
                capitalize(scope)
                    + " runner "
                    + runner.name()
                    + " runs untagged jobs of every project that may use it.")
            .with("runner_type", scope + "_type")
            .with("run_untagged", true)
            .with("locked", runner.bool(Attr.LOCKED).orElse(null))
            .with("tags", runner.list(Attr.TAGS))
            .severity(scope.equals("instance") ? Severity.MEDIUM : Severity.LOW);
      } else if (runner.isFalse(Attr.RUN_UNTAGGED)) {
        outcomes.pass(runner.id());
      } else {
        outcomes.unknown(runner.id(), "runner details visible to administrators and Maintainers");
      }
    }
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? "Shared" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
