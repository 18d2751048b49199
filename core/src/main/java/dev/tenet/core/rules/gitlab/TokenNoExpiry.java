package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;

/** An access token, deploy token or deploy key that never expires. */
public final class TokenNoExpiry implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-TOKEN-001",
          "token-no-expiry",
          Severity.HIGH,
          "Access token, deploy token or deploy key without an expiry date",
          "A credential that never expires stays valid after the person, job or machine that"
              + " used it is gone; a copy leaked years ago still works.",
          List.of(
              "Create a replacement with an expiry date (at most a year; less for broad scopes)"
                  + " and switch its users over.",
              "Revoke the credential that never expires.",
              "On self-managed GitLab, keep 'Require expiration date' on for access tokens (Admin"
                  + " → Settings → General → Account and limit)."),
          List.of(
              GitLab.DOCS + "user/project/settings/project_access_tokens/",
              GitLab.DOCS + "user/project/deploy_tokens/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    List<Entity> credentials = new ArrayList<>();
    credentials.addAll(GitLab.entities(context.graph(), EntityKind.TOKEN));
    credentials.addAll(GitLab.entities(context.graph(), EntityKind.DEPLOY_KEY));
    for (Entity c : credentials) {
      if (c.isFalse(Attr.ACTIVE)) {
        continue;
      }
      String kind = describe(c);
      if (c.isFalse(Attr.HAS_EXPIRY)) {
        outcomes
            .fail(
                c.id(),
                capitalize(kind)
                    + " '"
                    + c.name()
                    + "' of "
                    + GitLab.holderName(context.graph(), c)
                    + " never expires.")
            .with("credential", kind)
            .with("name", c.name())
            .with("scopes", c.has(Attr.SCOPES) ? c.list(Attr.SCOPES) : null)
            .with("last_used_at", c.text(Attr.LAST_ACTIVE_AT).orElse(null))
            .severity(c.kind() == EntityKind.DEPLOY_KEY ? Severity.MEDIUM : Severity.HIGH);
      } else if (c.isTrue(Attr.HAS_EXPIRY)) {
        outcomes.pass(c.id());
      } else {
        outcomes.unknown(c.id(), "expiry not reported by this GitLab version or token");
      }
    }
  }

  static String describe(Entity credential) {
    if (credential.isTrue(Attr.SCANNER_TOKEN)) {
      return "Tenet's own token";
    }
    return switch (GitLab.partKind(credential)) {
      case "deploy-token" -> "deploy token";
      case "deploy-key" -> "deploy key";
      default -> "access token";
    };
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
