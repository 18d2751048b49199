package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.CiIdentities;
import dev.tenet.core.rules.Subjects;
import dev.tenet.core.trust.OidcIssuer;
import java.util.List;
import java.util.Optional;

/** A CI system authenticates to AWS with an IAM user's long-lived access key. */
public final class CiUserAccessKey implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-KEY-003",
          "static-cloud-credentials",
          Severity.HIGH,
          "Pipeline authenticates with a long-lived access key",
          "A key stored in CI settings is readable by every job that can reach the secret, copied"
              + " into logs and forks, and valid until someone rotates it. OIDC federation gives"
              + " each run credentials that expire within the hour and are bound to the repository"
              + " and branch that asked for them.",
          List.of(
              "Create an IAM OIDC identity provider for the CI platform"
                  + " (token.actions.githubusercontent.com, gitlab.com) if the account has none.",
              "Create a role trusting it, pinned to the repository and protected branch or"
                  + " environment that deploys, with the permissions of the user.",
              "Switch the pipeline to it (aws-actions/configure-aws-credentials with"
                  + " role-to-assume; GitLab id_tokens), then delete the user's access keys."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
              "https://docs.gitlab.com/ci/cloud_services/aws/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity user : Aws.users(context.graph())) {
      Optional<String> word = CiIdentities.ciWord(user.name());
      if (word.isEmpty() || Aws.isRoot(user)) {
        continue;
      }
      List<Entity> keys = Aws.activeKeys(context.graph(), user);
      if (keys.isEmpty()) {
        outcomes.pass(user.id());
        continue;
      }
      List<String> federation = ciProviders(context, Aws.accountOf(user));
      outcomes
          .fail(
              user.id(),
              "IAM user "
                  + user.name()
                  + " looks like a CI identity ('"
                  + word.get()
                  + "') and has "
                  + keys.size()
                  + " active long-lived access key(s)"
                  + (federation.isEmpty()
                      ? "."
                      : ", although the account already federates "
                          + String.join(", ", federation)
                          + "."))
          .with("user", user.name())
          .with("matchedWord", word.get())
          .with("activeKeys", keys.stream().map(Entity::name).toList())
          .with("oidcProviders", federation.isEmpty() ? null : federation)
          .with("administrator", Aws.adminEquivalent(user).orElse(null));
    }
  }

  private static List<String> ciProviders(RuleContext context, String account) {
    return Subjects.of(context.graph(), EntityKind.IDENTITY_PROVIDER, Aws.PLATFORM).stream()
        .filter(idp -> Aws.accountOf(idp).equals(account))
        .map(idp -> idp.text(Attr.ISSUER).orElse(idp.name()))
        .filter(url -> OidcIssuer.fromUrl(url).platform().isPresent())
        .toList();
  }
}
