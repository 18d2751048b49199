package dev.tenet.core.rules.github;

import dev.tenet.core.rule.Rule;
import java.util.List;

/** The GitHub rules, in catalog order. */
public final class GitHubRules {
  private GitHubRules() {}

  public static List<Rule> all() {
    return List.of(
        // Organization
        new OrgMfaNotEnforced(),
        new MemberMfaDisabled(),
        new BasePermissionBroad(),
        new ExcessiveOwners(),
        // Repositories
        new DefaultBranchUnprotected(),
        new ReviewNotRequired(),
        new ForcePushAllowed());
  }
}
