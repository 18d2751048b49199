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

/** Neither branch protection nor an active ruleset protects the default branch. */
public final class DefaultBranchUnprotected implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-001",
          "branch-unprotected",
          Severity.HIGH,
          "Default branch has no protection",
          "Anyone with write access can push straight to the branch that is built and released,"
              + " rewrite its history or delete it, without review or checks.",
          List.of(
              "In the repository's Settings → Rules → Rulesets, create a branch ruleset targeting"
                  + " the default branch (or use Settings → Branches → Add branch protection"
                  + " rule).",
              "Require a pull request with at least one approving review, require status checks,"
                  + " and block force pushes and deletions.",
              "Set the ruleset's enforcement status to 'Active'."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity repo : Subjects.activeRepositories(context.graph(), GitHub.PLATFORM)) {
      Optional<Entity> branch = Subjects.defaultBranch(context.graph(), repo);
      if (branch.isEmpty() || !branch.get().has(Attr.PROTECTED)) {
        outcomes.unknown(repo.id(), "default branch protection could not be read");
        continue;
      }
      Entity b = branch.get();
      if (b.isTrue(Attr.PROTECTED)) {
        outcomes.pass(b.id());
        continue;
      }
      boolean isPublic = repo.text(Attr.VISIBILITY).orElse("").equals("public");
      outcomes
          .fail(
              b.id(),
              "Default branch '"
                  + b.name()
                  + "' of "
                  + repo.name()
                  + " has no branch protection rule and no active ruleset.")
          .with("repository", repo.name())
          .with("branch", b.name())
          .with("visibility", repo.text(Attr.VISIBILITY).orElse(null))
          .severity(isPublic ? Severity.HIGH : METADATA.severity());
    }
  }
}
