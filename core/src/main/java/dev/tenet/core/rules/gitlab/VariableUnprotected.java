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

/**
 * A CI/CD variable that holds a credential reaches pipelines of unprotected branches, which any
 * Developer can push. Variables that hold no credential (LOG_LEVEL, NODE_ENV) are not judged.
 */
public final class VariableUnprotected implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-VAR-001",
          "variable-unprotected",
          Severity.HIGH,
          "CI/CD variable holding a credential is available to unprotected branches",
          "Anyone who can push a branch can add a job that prints or sends the credential"
              + " somewhere: the protection of the default branch does not cover it.",
          List.of(
              "In Settings → CI/CD → Variables, edit the variable and tick 'Protect variable', so"
                  + " only pipelines on protected branches and tags receive it.",
              "Rotate the credential if unprotected branches may already have used it."),
          List.of(GitLab.DOCS + "ci/variables/#protect-a-cicd-variable"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity v : GitLab.entities(context.graph(), EntityKind.VARIABLE)) {
      if (!Credentials.holdsCredential(v)) {
        continue;
      }
      String holder = GitLab.holderName(context.graph(), v);
      if (v.isFalse(Attr.PROTECTED)) {
        outcomes
            .fail(
                v.id(),
                "Variable "
                    + v.name()
                    + " of "
                    + holder
                    + " looks like a credential and reaches unprotected branches.")
            .with("key", v.name())
            .with("holder", holder)
            .with("value_shape", v.text(Attr.VALUE_SHAPE).orElse(null))
            .with("environment_scope", v.text(Attr.ENVIRONMENT_SCOPE).orElse(null))
            .with("protected", false);
      } else if (v.isTrue(Attr.PROTECTED)) {
        outcomes.pass(v.id());
      } else {
        outcomes.unknown(v.id(), "variable settings not visible to the token");
      }
    }
  }
}
