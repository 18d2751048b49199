package dev.tenet.core.rules.gitlab;

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

/** No protected-branch rule (exact name or wildcard) covers the project's default branch. */
public final class DefaultBranchUnprotected implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-BRANCH-001",
          "branch-unprotected",
          Severity.HIGH,
          "Default branch is not protected",
          "Every Developer can push straight to the branch that is built and released, rewrite"
              + " its history or delete it, without a merge request, approval or pipeline.",
          List.of(
              "In the project's Settings → Repository → Protected branches, protect the default"
                  + " branch.",
              "Set 'Allowed to push and merge' to 'No one' and 'Allowed to merge' to Developers or"
                  + " Maintainers, so changes arrive through merge requests only.",
              "Keep 'Allowed to force push' off."),
          List.of(GitLab.DOCS + "user/project/repository/branches/protected/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      if (project.text(Attr.DEFAULT_BRANCH).isEmpty()) {
        continue; // An empty repository has no branch to protect yet.
      }
      Optional<Entity> branch = Subjects.defaultBranch(context.graph(), project);
      if (branch.isEmpty() || !branch.get().has(Attr.PROTECTED)) {
        outcomes.unknown(project.id(), "protected branches could not be read");
        continue;
      }
      Entity b = branch.get();
      if (b.isTrue(Attr.PROTECTED)) {
        outcomes.pass(b.id());
      } else {
        outcomes
            .fail(
                b.id(),
                "Default branch '" + b.name() + "' of " + project.name() + " is not protected.")
            .with("project", project.name())
            .with("branch", b.name())
            .with("visibility", project.text(Attr.VISIBILITY).orElse(null));
      }
    }
  }
}
