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
 * The group lets members work without two-factor authentication, or only after a long grace period.
 * The top group of a scan is judged; its requirement (or an ancestor's) covers every subgroup and
 * project below it.
 */
public final class GroupMfaNotEnforced implements Rule {
  /** GitLab's default grace period is 48 hours; anything beyond three days is a standing gap. */
  static final long MAX_GRACE_HOURS = 72;

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-GROUP-001",
          "org-mfa-not-enforced",
          Severity.HIGH,
          "Group does not require two-factor authentication",
          "A phished or reused password is enough to act as any member without 2FA, with all of"
              + " that member's access to code, pipelines and CI/CD variables.",
          List.of(
              "In the group's Settings → General → Permissions and group features, tick 'Require"
                  + " all users in this group to set up two-factor authentication'.",
              "Set the grace period to 48 hours or less, so new members cannot work for long"
                  + " without a second factor."),
          List.of(
              GitLab.DOCS
                  + "security/two_factor_authentication/#enforce-2fa-for-all-users-in-a-group"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity group : GitLab.topGroups(context.graph())) {
      Optional<Long> grace = group.number(Attr.MFA_GRACE_PERIOD_HOURS);
      if (group.isFalse(Attr.MFA_REQUIRED)) {
        outcomes
            .fail(
                group.id(),
                "Group " + group.name() + " does not require two-factor authentication.")
            .with("require_two_factor_authentication", false);
      } else if (group.isTrue(Attr.MFA_REQUIRED)
          && grace.isPresent()
          && grace.get() > MAX_GRACE_HOURS) {
        outcomes
            .fail(
                group.id(),
                "Group "
                    + group.name()
                    + " requires two-factor authentication only after a grace period of "
                    + grace.get()
                    + " hours.")
            .with("require_two_factor_authentication", true)
            .with("two_factor_grace_period", grace.get())
            .with("maximum_grace_period", MAX_GRACE_HOURS)
            .severity(Severity.MEDIUM);
      } else if (group.isTrue(Attr.MFA_REQUIRED)) {
        outcomes.pass(group.id());
      } else {
        outcomes.unknown(group.id(), "two-factor requirement not visible to the token");
      }
    }
  }
}
