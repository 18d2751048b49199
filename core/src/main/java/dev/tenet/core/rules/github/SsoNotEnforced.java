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

/** The organization does not sign its members in through the company's identity provider. */
public final class SsoNotEnforced implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ORG-004",
          "sso-not-enforced",
          Severity.MEDIUM,
          "Organization does not use single sign-on",
          "Without SAML single sign-on, leaving the company does not end access to the code, and"
              + " the identity provider's MFA, device and session policies do not apply to"
              + " GitHub.",
          List.of(
              "In the organization's Settings → Authentication security, enable SAML single"
                  + " sign-on with your identity provider (GitHub Enterprise Cloud), test it,"
                  + " then tick 'Require SAML SSO authentication for all members'.",
              "Or configure SAML at the enterprise level so every organization inherits it."),
          List.of(
              "https://docs.github.com/en/enterprise-cloud@latest/organizations/managing-saml-single-sign-on-for-your-organization/enforcing-saml-single-sign-on-for-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      if (org.isTrue(Attr.SSO_ENFORCED) || org.isTrue(Attr.SSO_CONFIGURED)) {
        outcomes.pass(org.id());
      } else if (org.isFalse(Attr.SSO_ENFORCED) || org.isFalse(Attr.SSO_CONFIGURED)) {
        outcomes
            .fail(
                org.id(),
                "Organization "
                    + org.name()
                    + " has no SAML single sign-on: members sign in with GitHub accounts only.")
            .with("saml_sso", false)
            .with("plan", org.text(Attr.PLAN).orElse(null));
      } else {
        outcomes.unknown(org.id(), "single sign-on settings not visible to the token");
      }
    }
  }
}
