package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A production environment anyone who runs pipelines can deploy to: not protected, or protected for
 * Developers without a required approval. Review apps and other tiers are not judged.
 */
public final class EnvironmentUnprotected implements Rule {
  private static final Pattern PRODUCTION_NAME =
      Pattern.compile("^(prod|production|live)([-_/].*)?$");

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-ENV-001",
          "environment-unprotected",
          Severity.HIGH,
          "Production environment without deployment protection",
          "Without protection, every Developer who can run a pipeline can deploy any branch to"
              + " production and use the credentials scoped to it.",
          List.of(
              "In Settings → CI/CD → Protected environments, protect the environment and allow"
                  + " deployments by Maintainers or a release group only.",
              "Add an approval rule (GitLab Premium) so each deployment needs someone else's"
                  + " approval."),
          List.of(GitLab.DOCS + "ci/environments/protected_environments/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity env : GitLab.entities(context.graph(), EntityKind.ENVIRONMENT)) {
      if (!isProduction(env)) {
        continue;
      }
      String project = GitLab.holderName(context.graph(), env);
      long approvals = env.number(Attr.REQUIRED_APPROVALS).orElse(0L);
      if (env.isFalse(Attr.PROTECTED)) {
        outcomes
            .fail(
                env.id(),
                "Production environment '" + env.name() + "' of " + project + " is not protected.")
            .with("environment", env.name())
            .with("tier", env.text(Attr.TIER).orElse(null))
            .with("protected", false);
      } else if (env.isTrue(Attr.PROTECTED)
          && env.list(Attr.DEPLOY_ACCESS).contains("developer")
          && approvals < 1) {
        outcomes
            .fail(
                env.id(),
                "Production environment '"
                    + env.name()
                    + "' of "
                    + project
                    + " lets every Developer deploy without approval.")
            .with("environment", env.name())
            .with("deploy_access", env.list(Attr.DEPLOY_ACCESS))
            .with("required_approvals", approvals)
            .severity(Severity.MEDIUM);
      } else if (env.isTrue(Attr.PROTECTED)) {
        outcomes.pass(env.id());
      } else {
        outcomes.unknown(env.id(), "protected environments could not be read (GitLab Premium)");
      }
    }
  }

  static boolean isProduction(Entity env) {
    Optional<String> tier = env.text(Attr.TIER);
    if (tier.isPresent()) {
      return tier.get().equals("production");
    }
    return PRODUCTION_NAME.matcher(env.name().toLowerCase(Locale.ROOT)).matches();
  }
}
