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

/** The protected default branch accepts commits without a verified signature. */
public final class UnsignedCommitsAllowed implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-006",
          "unsigned-commits-allowed",
          Severity.LOW,
          "Protected branch accepts unsigned commits",
          "Commit authorship is a free-text field: without verified signatures anyone who can"
              + " push can make a change look like it came from someone else.",
          List.of(
              "Have contributors sign commits (SSH or GPG keys, or GitHub's web-flow signature).",
              "Then enable 'Require signed commits' in the default branch's ruleset or"
                  + " protection rule."),
          List.of(
              "https://docs.github.com/en/authentication/managing-commit-signature-verification/about-commit-signature-verification"));

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
      if (b.isTrue(Attr.SIGNED_COMMITS_REQUIRED)) {
        outcomes.pass(b.id());
      } else if (b.isFalse(Attr.SIGNED_COMMITS_REQUIRED)) {
        outcomes
            .fail(
                b.id(),
                "Default branch '"
                    + b.name()
                    + "' of "
                    + repo.name()
                    + " does not require signed commits.")
            .with("required_signatures", false)
            .with("protection", b.list(Attr.PROTECTION_SOURCES));
      } else {
        outcomes.unknown(b.id(), "the signature requirement could not be read");
      }
    }
  }
}
