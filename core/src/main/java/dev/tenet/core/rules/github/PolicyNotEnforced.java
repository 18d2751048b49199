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

/** A ruleset only evaluates: it reports what it would block but blocks nothing. */
public final class PolicyNotEnforced implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-RULESET-001",
          "policy-not-enforced",
          Severity.MEDIUM,
          "Ruleset in evaluate mode enforces nothing",
          "An evaluate-only ruleset looks like protection in the settings, but every push and"
              + " merge it would block still goes through.",
          List.of(
              "Review the ruleset's insights (Settings → Rules → Insights) for what it would have"
                  + " blocked.",
              "Set its enforcement status to 'Active' once the teams are ready, or delete it so"
                  + " nobody relies on it."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/managing-rulesets-for-a-repository#changing-the-enforcement-status-of-a-ruleset"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity ruleset : Subjects.of(context.graph(), EntityKind.POLICY, GitHub.PLATFORM)) {
      Entity owner = context.graph().container(ruleset).orElse(null);
      if (owner != null && owner.isTrue(Attr.ARCHIVED)) {
        continue;
      }
      String enforcement = ruleset.text(Attr.ENFORCEMENT).orElse("");
      switch (enforcement) {
        case "active" -> outcomes.pass(ruleset.id());
        case "evaluate" ->
            outcomes
                .fail(
                    ruleset.id(),
                    "Ruleset '"
                        + ruleset.name()
                        + "' of "
                        + (owner == null ? "the organization" : owner.name())
                        + " is in evaluate mode: it blocks nothing.")
                .with("ruleset", ruleset.name())
                .with("enforcement", enforcement)
                .with("target", ruleset.text(Attr.TARGET).orElse(null))
                .with("defined_at", ruleset.text(Attr.DEFINED_AT).orElse(null));
        case "disabled" -> {
          // Switched off on purpose: not a policy that pretends to apply.
        }
        default -> outcomes.unknown(ruleset.id(), "the ruleset's enforcement is not visible");
      }
    }
  }
}
