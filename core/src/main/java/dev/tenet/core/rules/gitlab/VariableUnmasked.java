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

/** A CI/CD variable that holds a credential would be printed in clear in job logs. */
public final class VariableUnmasked implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-VAR-002",
          "variable-unmasked",
          Severity.MEDIUM,
          "CI/CD variable holding a credential is not masked in job logs",
          "One debug line or a failing tool that echoes its environment puts the credential in"
              + " the job log, where everyone who can read the pipeline can copy it.",
          List.of(
              "In Settings → CI/CD → Variables, edit the variable and set its visibility to"
                  + " 'Masked' (or 'Masked and hidden').",
              "A value GitLab cannot mask (multi-line, such as a key file) can be stored"
                  + " base64-encoded and decoded in the job, or fetched from a secrets manager."),
          List.of(GitLab.DOCS + "ci/variables/#mask-a-cicd-variable"));

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
      if (v.isFalse(Attr.MASKED)) {
        outcomes
            .fail(
                v.id(),
                "Variable "
                    + v.name()
                    + " of "
                    + holder
                    + " looks like a credential and is not masked in job logs.")
            .with("key", v.name())
            .with("holder", holder)
            .with("value_shape", v.text(Attr.VALUE_SHAPE).orElse(null))
            .with("variable_type", v.text(Attr.VARIABLE_TYPE).orElse(null))
            .with("masked", false);
      } else if (v.isTrue(Attr.MASKED)) {
        outcomes.pass(v.id());
      } else {
        outcomes.unknown(v.id(), "variable settings not visible to the token");
      }
    }
  }
}
