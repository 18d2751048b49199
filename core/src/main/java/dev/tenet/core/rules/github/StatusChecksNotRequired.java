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

/** The protected default branch accepts merges whose builds and tests did not pass. */
public final class StatusChecksNotRequired implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-005",
          "status-checks-not-required",
          Severity.MEDIUM,
          "Merges do not require passing status checks",
          "Without required checks, a change that breaks the build, fails its tests or trips a"
              + " security scan merges just the same and ships with the next release.",
          List.of(
              "In the default branch's ruleset (or protection rule), enable 'Require status"
                  + " checks to pass' and add the build, test and scanning jobs.",
              "Enable 'Require branches to be up to date before merging' for repositories that"
                  + " release from the default branch."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/available-rules-for-rulesets#require-status-checks-to-pass-before-merging"));

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
      if (!b.has(Attr.REQUIRED_CHECKS)) {
        outcomes.unknown(b.id(), "required status checks could not be read");
      } else if (b.list(Attr.REQUIRED_CHECKS).isEmpty()) {
        outcomes
            .fail(
                b.id(),
                "Default branch '"
                    + b.name()
                    + "' of "
                    + repo.name()
                    + " is protected but requires no status check before merging.")
            .with("required_status_checks", List.of())
            .with("protection", b.list(Attr.PROTECTION_SOURCES));
      } else {
        outcomes.pass(b.id());
      }
    }
  }
}
