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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A deployment environment lets any workflow run deploy with its secrets, with nobody in between.
 */
public final class EnvironmentUnprotected implements Rule {
  private static final Pattern PRODUCTION =
      Pattern.compile("(^|[^a-z])(prod|production|prd|live|release)([^a-z]|$)");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ENV-001",
          "environment-unprotected",
          Severity.HIGH,
          "Deployment environment without required reviewers or wait timer",
          "An environment's secrets and cloud roles go to any job that names it: without a"
              + " reviewer or a gate, a change to a workflow file is enough to deploy (or to"
              + " exfiltrate the deployment credentials).",
          List.of(
              "In the repository's Settings → Environments, open the environment and add"
                  + " 'Required reviewers' (people or a team who did not write the change).",
              "Tick 'Prevent self-review', and add a wait timer or a deployment protection rule"
                  + " where a review is not practical."),
          List.of(
              "https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#required-reviewers"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  static boolean productionLike(String name) {
    return PRODUCTION.matcher(name.toLowerCase(Locale.ROOT)).find();
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity env : Subjects.of(context.graph(), EntityKind.ENVIRONMENT, GitHub.PLATFORM)) {
      Entity repo = context.graph().container(env).orElse(null);
      if (repo != null && repo.isTrue(Attr.ARCHIVED)) {
        continue;
      }
      if (!env.has(Attr.REQUIRED_REVIEWERS)) {
        outcomes.unknown(env.id(), "the environment's protection rules are not visible");
        continue;
      }
      boolean gated =
          !env.list(Attr.REQUIRED_REVIEWERS).isEmpty()
              || env.number(Attr.WAIT_TIMER_MINUTES).orElse(0L) > 0
              || !env.list(Attr.CUSTOM_GATES).isEmpty();
      if (gated) {
        outcomes.pass(env.id());
        continue;
      }
      boolean production = productionLike(env.name());
      outcomes
          .fail(
              env.id(),
              "Environment '"
                  + env.name()
                  + "' of "
                  + (repo == null ? "its repository" : repo.name())
                  + " deploys without a required reviewer, wait timer or protection rule.")
          .with("environment", env.name())
          .with("required_reviewers", List.of())
          .with("wait_timer", env.number(Attr.WAIT_TIMER_MINUTES).orElse(0L))
          .severity(production ? Severity.HIGH : Severity.MEDIUM);
    }
  }
}
