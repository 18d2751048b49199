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

/**
 * The default branch is protected, but changes merge without an approving review. Unprotected
 * branches are left to {@link DefaultBranchUnprotected}, so one root cause is counted once.
 */
public final class ReviewNotRequired implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-002",
          "review-not-required",
          Severity.HIGH,
          "Changes can merge without an approving review",
          "Without a second person's approval, one compromised account or one mistake reaches"
              + " the default branch and everything built from it.",
          List.of(
              "In the ruleset (or branch protection rule) of the default branch, enable 'Require a"
                  + " pull request before merging'.",
              "Set 'Required approvals' to at least 1 and enable 'Dismiss stale pull request"
                  + " approvals when new commits are pushed'."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets#require-a-pull-request-before-merging"));

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
      Optional<Long> approvals = b.number(Attr.REQUIRED_APPROVALS);
      if (approvals.isEmpty()) {
        outcomes.unknown(b.id(), "review requirement could not be read");
      } else if (approvals.get() < 1) {
        outcomes
            .fail(
                b.id(),
                "Default branch '"
                    + b.name()
                    + "' of "
                    + repo.name()
                    + " is protected but merges need no approving review.")
            .with("required_approving_review_count", approvals.get())
            .with("protection", b.list(Attr.PROTECTION_SOURCES));
      } else {
        outcomes.pass(b.id());
      }
    }
  }
}
