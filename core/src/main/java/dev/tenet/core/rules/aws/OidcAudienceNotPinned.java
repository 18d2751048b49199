package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.iam.AwsArns;
import dev.tenet.core.iam.PolicyDocument;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.trust.AudienceCheck;
import dev.tenet.core.trust.OidcGrant;
import dev.tenet.core.trust.OidcTrust;
import java.util.List;
import java.util.Optional;

/** A role trusting a CI platform's OIDC tokens does not pin the token audience. */
public final class OidcAudienceNotPinned implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-OIDC-002",
          "oidc-trust-too-broad",
          Severity.MEDIUM,
          "Role trusts pipeline OIDC tokens without pinning the audience",
          "The audience says which service a token was minted for. Without an exact audience"
              + " condition, a token a pipeline obtained for another service (a vault, another"
              + " cloud) can be replayed to assume this role, by that service or anyone who"
              + " intercepts it.",
          List.of(
              "Add a StringEquals condition on the audience to the role's trust policy:"
                  + " \"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\" (GitHub),"
                  + " or the audience your GitLab jobs request in id_tokens (e.g."
                  + " \"gitlab.com:aud\": \"https://gitlab.com\").",
              "Keep the identity provider's audience list (client IDs) to the values you use."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services#configuring-the-role-and-trust-policy",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif"));

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
      for (OidcGrant grant : OidcTrust.grants(trust.get())) {
        if (grant.platform().isEmpty()) {
          continue;
        }
        AudienceCheck aud = grant.audience();
        if (aud.status() == AudienceCheck.Status.PINNED) {
          outcomes.pass(role.id());
          continue;
        }
        List<String> accepted =
            AwsArns.resourceId(grant.providerArn())
                .flatMap(context.graph()::find)
                .map(idp -> idp.list(Attr.AUDIENCES))
                .orElse(List.of());
        outcomes
            .fail(
                role.id(),
                "Role "
                    + role.name()
                    + " accepts OIDC tokens from "
                    + grant.issuer().url()
                    + (aud.status() == AudienceCheck.Status.MISSING
                        ? " whatever their audience (no aud condition)."
                        : " for any audience matching "
                            + String.join(", ", aud.values())
                            + " ("
                            + aud.operator()
                            + ")."))
            .with("role", role.name())
            .with("issuer", grant.issuer().url())
            .with("audienceCondition", aud.values().isEmpty() ? null : aud.values())
            .with("operator", aud.operator().isEmpty() ? null : aud.operator())
            .with("providerAudiences", accepted.isEmpty() ? null : accepted)
            .anchor(grant.providerArn());
      }
    }
  }
}
