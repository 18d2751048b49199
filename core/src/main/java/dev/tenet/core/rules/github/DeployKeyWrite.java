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

/** A deploy key can push to its repository. */
public final class DeployKeyWrite implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-DEPLOYKEY-001",
          "deploy-key-write",
          Severity.MEDIUM,
          "Deploy key with write access",
          "A deploy key is an SSH private key on some server, tied to no person and never"
              + " expiring; with write access, whoever copies it can push to the repository.",
          List.of(
              "In the repository's Settings → Deploy keys, check what uses the key.",
              "Replace it with a read-only key, or with a GitHub App token scoped to the"
                  + " repository where pushing is really needed."),
          List.of(
              "https://docs.github.com/en/authentication/connecting-to-github-with-ssh/managing-deploy-keys#deploy-keys"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity key : Subjects.of(context.graph(), EntityKind.DEPLOY_KEY, GitHub.PLATFORM)) {
      Entity repo = context.graph().container(key).orElse(null);
      if (repo != null && repo.isTrue(Attr.ARCHIVED)) {
        continue;
      }
      if (key.isTrue(Attr.READ_ONLY)) {
        outcomes.pass(key.id());
      } else if (key.isFalse(Attr.READ_ONLY)) {
        outcomes
            .fail(
                key.id(),
                "Deploy key '"
                    + key.name()
                    + "' can push to "
                    + (repo == null ? "its repository" : repo.name())
                    + ".")
            .with("title", key.name())
            .with("read_only", false)
            .with("added_by", key.text(Attr.OWNER).orElse(null))
            .with("last_used", key.text(Attr.LAST_ACTIVE_AT).orElse(null));
      } else {
        outcomes.unknown(key.id(), "the key's access level is not visible");
      }
    }
  }
}
