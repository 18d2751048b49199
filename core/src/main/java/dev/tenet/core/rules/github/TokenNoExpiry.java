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

/** A personal access token with access to the organization never expires. */
public final class TokenNoExpiry implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-TOKEN-001",
          "token-no-expiry",
          Severity.HIGH,
          "Personal access token never expires",
          "A token without an expiry stays valid wherever it was copied to (scripts, CI"
              + " variables, laptops) long after anyone remembers it.",
          List.of(
              "Ask the owner to replace the token with one that expires (90 days or less).",
              "In the organization's Settings → Personal access tokens, set a maximum lifetime"
                  + " for fine-grained tokens and revoke this grant once it is replaced."),
          List.of(
              "https://docs.github.com/en/organizations/managing-programmatic-access-to-your-organization/setting-a-personal-access-token-policy-for-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity token : Subjects.of(context.graph(), EntityKind.TOKEN, GitHub.PLATFORM)) {
      if (token.instant(Attr.EXPIRES_AT).map(t -> t.isBefore(context.now())).orElse(false)) {
        continue; // Expired: it grants nothing any more.
      }
      if (token.isTrue(Attr.HAS_EXPIRY)) {
        outcomes.pass(token.id());
      } else if (token.isFalse(Attr.HAS_EXPIRY)) {
        outcomes
            .fail(
                token.id(),
                "Token "
                    + token.name()
                    + token.text(Attr.OWNER).map(o -> " of " + o).orElse("")
                    + " has no expiry date.")
            .with("owner", token.text(Attr.OWNER).orElse(null))
            .with("token_type", token.text(Attr.TOKEN_TYPE).orElse(null))
            .with("last_used_at", token.text(Attr.LAST_ACTIVE_AT).orElse(null));
      } else {
        outcomes.unknown(token.id(), "the token's expiry is not visible");
      }
    }
  }
}
