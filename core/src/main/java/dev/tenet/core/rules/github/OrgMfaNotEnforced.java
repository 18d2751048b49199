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

/** The organization lets members work without two-factor authentication. */
public final class OrgMfaNotEnforced implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ORG-001",
          "org-mfa-not-enforced",
          Severity.HIGH,
          "Organization does not require two-factor authentication",
          "A phished or reused password is enough to act as any member without 2FA, with all of"
              + " that member's access to code, pipelines and secrets.",
          List.of(
              "Ask every member to enable two-factor authentication first: members without it are"
                  + " removed when the requirement is switched on.",
              "In the organization's Settings → Authentication security, tick 'Require two-factor"
                  + " authentication for everyone in the organization' and save."),
          List.of(
              "https://docs.github.com/en/organizations/keeping-your-organization-secure/managing-two-factor-authentication-for-your-organization/requiring-two-factor-authentication-in-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      if (org.isTrue(Attr.MFA_REQUIRED)) {
        outcomes.pass(org.id());
      } else if (org.isFalse(Attr.MFA_REQUIRED)) {
        outcomes
            .fail(
                org.id(),
                "Organization " + org.name() + " does not require two-factor authentication.")
            .with("two_factor_requirement_enabled", false);
      } else {
        outcomes.unknown(org.id(), "two-factor requirement not visible to the token");
      }
    }
  }
}
