package dev.tenet.core.rules;

import dev.tenet.core.model.WeaknessCatalog;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleCatalog;
import dev.tenet.core.rules.coverage.CoverageGapRule;
import dev.tenet.core.rules.github.BasePermissionBroad;
import dev.tenet.core.rules.github.DefaultBranchUnprotected;
import dev.tenet.core.rules.github.ExcessiveOwners;
import dev.tenet.core.rules.github.ForcePushAllowed;
import dev.tenet.core.rules.github.MemberMfaDisabled;
import dev.tenet.core.rules.github.OrgMfaNotEnforced;
import dev.tenet.core.rules.github.ReviewNotRequired;
import java.util.List;

/** The one list of rules Tenet ships. Add a rule here and it is evaluated, listed and scored. */
public final class StandardRules {
  private StandardRules() {}

  public static List<Rule> all() {
    return List.of(
        new CoverageGapRule(),
        // GitHub organization
        new OrgMfaNotEnforced(),
        new MemberMfaDisabled(),
        new BasePermissionBroad(),
        new ExcessiveOwners(),
        // GitHub repositories
        new DefaultBranchUnprotected(),
        new ReviewNotRequired(),
        new ForcePushAllowed());
  }

  public static RuleCatalog catalog() {
    return new RuleCatalog(WeaknessCatalog.standard(), all());
  }
}
