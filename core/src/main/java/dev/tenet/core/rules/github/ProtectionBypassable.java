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
 * The default branch is protected, but administrators are exempt (classic protection without
 * "include administrators") or a ruleset lists actors who may bypass it.
 */
public final class ProtectionBypassable implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-BRANCH-004",
          "protection-bypassable",
          Severity.MEDIUM,
          "Default branch protection can be bypassed",
          "Protection that administrators or listed actors may skip protects against mistakes,"
              + " not against a compromised administrator account or automation token.",
          List.of(
              "Classic protection: tick 'Do not allow bypassing the above settings' (include"
                  + " administrators).",
              "Rulesets: remove standing bypass actors; where an exception is needed, use"
                  + " 'For pull requests only' and review who holds it."),
          List.of(
              "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/creating-rulesets-for-a-repository#granting-bypass-permissions-for-your-branch-or-tag-ruleset"));

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
      List<String> sources = b.list(Attr.PROTECTION_SOURCES);
      boolean classic = sources.contains("branch-protection");
      boolean rulesets = sources.stream().anyMatch(s -> s.startsWith("ruleset:"));
      boolean adminsExempt = classic && b.isFalse(Attr.ENFORCE_ADMINS);
      boolean bypassKnown = b.has(Attr.BYPASS_ACTORS);
      List<String> actors = b.list(Attr.BYPASS_ACTORS);
      // An active ruleset nobody may bypass binds administrators even where classic does not.
      boolean rulesetBindsAdmins = rulesets && bypassKnown && actors.isEmpty();
      boolean failsAdmins = adminsExempt && !rulesetBindsAdmins;
      if (failsAdmins || !actors.isEmpty()) {
        StringBuilder m =
            new StringBuilder("Default branch '")
                .append(b.name())
                .append("' of ")
                .append(repo.name())
                .append(" can be bypassed");
        if (failsAdmins) {
          m.append(" by repository administrators (admins are not included)");
        }
        if (!actors.isEmpty()) {
          m.append(failsAdmins ? " and" : "").append(" by ").append(String.join(", ", actors));
        }
        outcomes
            .fail(b.id(), m.append('.').toString())
            .with("enforce_admins", classic ? b.bool(Attr.ENFORCE_ADMINS).orElse(null) : null)
            .with("bypass_actors", actors.isEmpty() ? null : actors)
            .with("protection", sources);
      } else if ((classic && !b.has(Attr.ENFORCE_ADMINS)) || (rulesets && !bypassKnown)) {
        outcomes.unknown(b.id(), "who may bypass the protection is not visible to the token");
      } else {
        outcomes.pass(b.id());
      }
    }
  }
}
