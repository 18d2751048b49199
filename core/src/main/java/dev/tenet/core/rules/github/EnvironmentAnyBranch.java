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

/** A deployment environment accepts deployments from any branch, reviewed or not. */
public final class EnvironmentAnyBranch implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ENV-002",
          "environment-any-branch",
          Severity.MEDIUM,
          "Deployment environment accepts any branch",
          "Anyone who can push a branch can run a workflow from it against the environment and"
              + " its secrets, skipping the reviews that protect the default branch.",
          List.of(
              "In the repository's Settings → Environments → the environment → 'Deployment"
                  + " branches and tags', choose 'Protected branches only' or 'Selected branches"
                  + " and tags' with the release branches (no '*')."),
          List.of(
              "https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#deployment-branches-and-tags"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity env : Subjects.of(context.graph(), EntityKind.ENVIRONMENT, GitHub.PLATFORM)) {
      Entity repo = context.graph().container(env).orElse(null);
      if (repo != null && repo.isTrue(Attr.ARCHIVED)) {
        continue;
      }
      String policy = env.text(Attr.DEPLOYMENT_BRANCHES).orElse("");
      List<String> patterns = env.list(Attr.DEPLOYMENT_BRANCH_PATTERNS);
      boolean wildcard = patterns.stream().anyMatch(p -> p.equals("*") || p.equals("**"));
      if (policy.equals("any") || (policy.equals("selected") && wildcard)) {
        outcomes
            .fail(
                env.id(),
                "Environment '"
                    + env.name()
                    + "' of "
                    + (repo == null ? "its repository" : repo.name())
                    + " accepts deployments from any branch.")
            .with("environment", env.name())
            .with("deployment_branch_policy", policy)
            .with("patterns", patterns.isEmpty() ? null : patterns)
            .severity(
                EnvironmentUnprotected.productionLike(env.name())
                    ? Severity.HIGH
                    : METADATA.severity());
      } else if (policy.equals("protected")
          || (policy.equals("selected") && env.has(Attr.DEPLOYMENT_BRANCH_PATTERNS))) {
        outcomes.pass(env.id());
      } else {
        outcomes.unknown(env.id(), "the environment's branch policy is not visible");
      }
    }
  }
}
