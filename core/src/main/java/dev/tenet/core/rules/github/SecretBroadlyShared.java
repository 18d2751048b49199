package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** An organization secret is available to every repository (or every private one). */
public final class SecretBroadlyShared implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-SECRET-002",
          "secret-broadly-shared",
          Severity.MEDIUM,
          "Organization secret available to all repositories",
          "Any workflow in any repository can read a secret shared with all of them: the"
              + " weakest repository's pipeline decides who gets the credential.",
          List.of(
              "In the organization's Settings → Secrets and variables, edit the secret and set"
                  + " 'Repository access' to 'Selected repositories' with only those that use it."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#creating-secrets-for-an-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity secret : Subjects.of(context.graph(), EntityKind.SECRET, GitHub.PLATFORM)) {
      if (!secret.has(Attr.SHARED_WITH)) {
        continue; // Repository and environment secrets belong to one place.
      }
      String shared = secret.text(Attr.SHARED_WITH).orElse("");
      if (shared.equals("all") || shared.equals("private")) {
        long readers = context.graph().incoming(secret, RelationKind.READS_SECRET).size();
        outcomes
            .fail(
                secret.id(),
                "Organization secret "
                    + secret.name()
                    + " is available to "
                    + (shared.equals("all") ? "all" : "all private and internal")
                    + " repositories ("
                    + readers
                    + ").")
            .with("secret", secret.name())
            .with("visibility", shared)
            .with("repositories", readers);
      } else {
        outcomes.pass(secret.id());
      }
    }
  }
}
