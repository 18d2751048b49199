package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** A self-hosted runner keeps running job after job instead of being replaced. */
public final class RunnerPersistent implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-RUNNER-002",
          "runner-persistent",
          Severity.LOW,
          "Self-hosted runner is persistent, not ephemeral",
          "Whatever one job leaves on a persistent runner (a modified tool, a cached"
              + " credential, a background process) is there for the next job, from another"
              + " repository or branch.",
          List.of(
              "Register runners with './config.sh --ephemeral' so each takes one job and is"
                  + " replaced, e.g. with Actions Runner Controller or a scale set.",
              "Until then, keep persistent runners in a group restricted to one trusted"
                  + " repository."),
          List.of(
              "https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/autoscaling-with-self-hosted-runners#using-ephemeral-runners-for-autoscaling"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity runner : Subjects.of(context.graph(), EntityKind.RUNNER, GitHub.PLATFORM)) {
      if (runner.isTrue(Attr.EPHEMERAL)) {
        outcomes.pass(runner.id());
      } else if (runner.isFalse(Attr.EPHEMERAL)) {
        outcomes
            .fail(
                runner.id(),
                "Self-hosted runner '" + runner.name() + "' is persistent (not ephemeral).")
            .with("runner", runner.name())
            .with("labels", runner.list(Attr.LABELS))
            .with("status", runner.text(Attr.STATUS).orElse(null));
      } else {
        outcomes.unknown(runner.id(), "whether the runner is ephemeral is not visible");
      }
    }
  }
}
