package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/** A protected-branch rule covering the default branch allows force pushes. */
public final class ForcePushAllowed implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-BRANCH-002",
          "force-push-allowed",
          Severity.HIGH,
          "Force pushes allowed on the protected default branch",
          "A force push rewrites reviewed history, so code that was never reviewed can be"
              + " released as if it had been. When several rules match a branch, GitLab applies"
              + " the most permissive, so one wildcard rule is enough.",
          List.of(
              "In Settings → Repository → Protected branches, turn off 'Allowed to force push' on"
                  + " every rule that matches the default branch (wildcards included)."),
          List.of(GitLab.DOCS + "user/project/repository/branches/protected/#allow-force-push"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      Optional<Entity> branch = GitLab.protectedDefaultBranch(context.graph(), project);
      if (branch.isEmpty()) {
        continue;
      }
      Entity b = branch.get();
      if (b.isTrue(Attr.FORCE_PUSH_ALLOWED)) {
        outcomes
            .fail(
                b.id(),
                "Protected default branch '"
                    + b.name()
                    + "' of "
                    + project.name()
                    + " allows force pushes.")
            .with("allow_force_push", true)
            .with("protection", b.list(Attr.PROTECTION_SOURCES));
      } else if (b.isFalse(Attr.FORCE_PUSH_ALLOWED)) {
        outcomes.pass(b.id());
      } else {
        outcomes.unknown(b.id(), "force-push setting could not be read");
      }
    }
  }
}
