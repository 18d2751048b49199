package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;
import java.util.Optional;

/** The protected default branch still accepts force pushes or deletion. */
public final class ForcePushAllowed implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-003",
          "force-push-allowed",
          Severity.HIGH,
          "Force pushes or deletion allowed on the protected default branch",
          "A force push rewrites reviewed history, so code that was never reviewed can be"
              + " released as if it had been; deleting the branch throws away its protection.",
          List.of(
              "In the ruleset of the default branch, enable 'Block force pushes' and 'Restrict"
                  + " deletions' (classic protection: untick 'Allow force pushes' and 'Allow"
                  + " deletions')."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets#block-force-pushes"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity repo : Subjects.activeRepositories(context.graph(), GitHub.PLATFORM)) {
      Optional<Entity> branch = Subjects.defaultBranch(context.graph(), repo);
      if (branch.isEmpty() || !branch.get().isTrue(Attr.PROTECTED)) {
        continue;
      }
      Entity b = branch.get();
      if (!b.has(Attr.FORCE_PUSH_ALLOWED) || !b.has(Attr.DELETION_ALLOWED)) {
        outcomes.unknown(b.id(), "force-push and deletion settings could not be read");
      } else if (b.isTrue(Attr.FORCE_PUSH_ALLOWED) || b.isTrue(Attr.DELETION_ALLOWED)) {
        String what =
            b.isTrue(Attr.FORCE_PUSH_ALLOWED) && b.isTrue(Attr.DELETION_ALLOWED)
                ? "force pushes and deletion"
                : b.isTrue(Attr.FORCE_PUSH_ALLOWED) ? "force pushes" : "deletion";
        outcomes
            .fail(
                b.id(),
                "Protected default branch '"
                    + b.name()
                    + "' of "
                    + repo.name()
                    + " allows "
                    + what
                    + ".")
            .with("allow_force_pushes", b.isTrue(Attr.FORCE_PUSH_ALLOWED))
            .with("allow_deletions", b.isTrue(Attr.DELETION_ALLOWED));
      } else {
        outcomes.pass(b.id());
      }
    }
  }
}
