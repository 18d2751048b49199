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

/**
 * Merge requests into the protected default branch need no approval. Unprotected branches are left
 * to {@link DefaultBranchUnprotected}, so one root cause is counted once.
 */
public final class ReviewNotRequired implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-MR-001",
          "review-not-required",
          Severity.HIGH,
          "Merge requests into the default branch need no approval",
          "Without a second person's approval, one compromised account or one mistake reaches"
              + " the default branch and everything built from it.",
          List.of(
              "In Settings → Merge requests → Merge request approvals, add an approval rule for"
                  + " the default branch (or 'All protected branches') with at least one required"
                  + " approval.",
              "Turn on 'Require approval from code owners' on the protected branch if the project"
                  + " has a CODEOWNERS file."),
          List.of(GitLab.DOCS + "user/project/merge_requests/approvals/rules/"));

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
      Optional<Long> approvals = b.number(Attr.REQUIRED_APPROVALS);
      if (approvals.isEmpty()) {
        outcomes.unknown(b.id(), "approval rules could not be read (GitLab Premium feature)");
      } else if (approvals.get() < 1) {
        outcomes
            .fail(
                b.id(),
                "Merge requests into '"
                    + b.name()
                    + "' of "
                    + project.name()
                    + " need no approval.")
            .with("required_approvals", approvals.get())
            .with("code_owner_approval_required", b.bool(Attr.CODE_OWNER_REVIEWS).orElse(null));
      } else {
        outcomes.pass(b.id());
      }
    }
  }
}
