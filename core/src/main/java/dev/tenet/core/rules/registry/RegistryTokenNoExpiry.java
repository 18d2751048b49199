package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/** A registry access token (Docker Hub, Artifactory) that never expires. */
public final class RegistryTokenNoExpiry implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-TOKEN-001",
          "token-no-expiry",
          Severity.HIGH,
          "Registry access token without an expiry date",
          "A registry token that never expires keeps working after the pipeline, person or"
              + " machine it was made for is gone; a copy leaked in a CI log or a laptop backup"
              + " can push images for years.",
          List.of(
              "Create a replacement with an expiry date (Docker Hub: 'Expiration date' when"
                  + " generating the token; Artifactory: expires_in) and switch its users over.",
              "Revoke the token that never expires.",
              "Prefer short-lived credentials in pipelines (OIDC federation to the registry)."),
          List.of(
              "https://docs.docker.com/security/access-tokens/",
              "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity token : Registries.of(context.graph(), EntityKind.TOKEN)) {
      if (token.isFalse(Attr.ACTIVE)) {
        continue;
      }
      if (token.isFalse(Attr.HAS_EXPIRY)) {
        outcomes
            .fail(token.id(), "Registry token '" + token.name() + "' never expires.")
            .with("token", token.name())
            .with("scopes", token.has(Attr.SCOPES) ? token.list(Attr.SCOPES) : null)
            .with("grants", token.has(Attr.GRANTS) ? token.list(Attr.GRANTS) : null)
            .with("last_used_at", token.text(Attr.LAST_ACTIVE_AT).orElse(null));
      } else if (token.isTrue(Attr.HAS_EXPIRY)) {
        outcomes.pass(token.id());
      } else {
        outcomes.unknown(token.id(), "the registry does not report the token's expiry");
      }
    }
  }
}
