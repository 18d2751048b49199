package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** A deploy key may push to the project. */
public final class DeployKeyWrite implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-KEY-001",
          "deploy-key-write",
          Severity.MEDIUM,
          "Deploy key with write access",
          "A deploy key belongs to a machine, not a person: nobody reviews what it pushes, it"
              + " often lives on several servers, and with write access it can push to branches"
              + " its role allows.",
          List.of(
              "In Settings → Repository → Deploy keys, turn off 'Grant write permissions to this"
                  + " key' unless a job really pushes with it.",
              "If it must push, give it an expiry date and allow it on no protected branch."),
          List.of(GitLab.DOCS + "user/project/deploy_keys/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity key : GitLab.entities(context.graph(), EntityKind.DEPLOY_KEY)) {
      List<Entity> writes = context.graph().targets(key, RelationKind.CAN_WRITE);
      List<Entity> reads = context.graph().targets(key, RelationKind.CAN_READ);
      if (!writes.isEmpty()) {
        outcomes
            .fail(
                key.id(),
                "Deploy key '"
                    + key.name()
                    + "' can push to "
                    + String.join(", ", writes.stream().map(Entity::name).toList())
                    + ".")
            .with("title", key.name())
            .with("can_push", true);
      } else if (!reads.isEmpty()) {
        outcomes.pass(key.id());
      } else {
        outcomes.unknown(key.id(), "access of the deploy key could not be read");
      }
    }
  }
}
