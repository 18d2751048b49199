package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Entity;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.trust.AccountTrust;
import java.util.List;
import java.util.Optional;

/**
 * A role trusts another AWS account as a whole (its root), or everyone, without a condition that
 * narrows it to someone in particular.
 */
public final class ExternalAccountTrusted implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-TRUST-001",
          "oidc-trust-too-broad",
          Severity.HIGH,
          "Role trusts another AWS account's whole root",
          "Trusting arn:aws:iam::OTHER:root delegates the decision to that account: every user,"
              + " role and pipeline there that is allowed sts:AssumeRole (often all of them) can"
              + " assume this role, and you cannot see or review who they are. Trusting \"*\""
              + " opens the role to every AWS account.",
          List.of(
              "Name the exact role of the other account in the trust policy's Principal instead"
                  + " of its root (arn:aws:iam::OTHER:role/NAME).",
              "For a third-party service, require the external ID it gave you (sts:ExternalId) to"
                  + " prevent the confused-deputy problem.",
              "Or narrow the trust with aws:PrincipalArn or aws:PrincipalOrgID conditions."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity role : Aws.roles(context.graph())) {
      Optional<PolicyDocument> trust = Aws.trust(role);
      if (trust.isEmpty()) {
        continue;
      }
      List<AccountTrust.Grant> broad =
          AccountTrust.externalAccounts(trust.get(), Aws.accountOf(role)).stream()
              .filter(g -> g.narrowedBy().isEmpty())
              .toList();
      if (broad.isEmpty()) {
        outcomes.pass(role.id());
        continue;
      }
      boolean admin = Aws.adminEquivalent(role).orElse(false);
      for (AccountTrust.Grant g : broad) {
        outcomes
            .fail(
                role.id(),
                g.everyone()
                    ? "Role " + role.name() + " can be assumed by any principal of any AWS account."
                    : "Role "
                        + role.name()
                        + " trusts the whole AWS account "
                        + g.account()
                        + " (its root), with no condition narrowing who there may assume it.")
            .with("role", role.name())
            .with("trustedAccount", g.account())
            .with("administrator", admin)
            .anchor(g.account())
            .severity(g.everyone() ? Severity.CRITICAL : admin ? Severity.HIGH : Severity.MEDIUM);
      }
    }
  }
}
