package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * A webhook delivers without a secret token, signing token or authentication header. GitLab reports
 * whether a token is set from version 19.0 on; before, the outcome stays unknown.
 */
public final class WebhookUnauthenticated implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-HOOK-002",
          "webhook-unauthenticated",
          Severity.MEDIUM,
          "Webhook delivers without a secret token",
          "Without a shared secret the receiver cannot tell GitLab's deliveries from anyone"
              + " else's requests, so a forged event can start its deployments or automation.",
          List.of(
              "In Settings → Webhooks, edit the hook and set a 'Secret token' (or a signing"
                  + " token) of at least 32 random characters.",
              "Make the receiver reject requests whose X-Gitlab-Token header (or signature) does"
                  + " not match."),
          List.of(
              GitLab.DOCS
                  + "user/project/integrations/webhooks/#validate-requests-with-a-secret-token"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity hook : GitLab.entities(context.graph(), EntityKind.WEBHOOK)) {
      if (hook.isFalse(Attr.SECRET_CONFIGURED)) {
        outcomes
            .fail(
                hook.id(),
                "Webhook "
                    + hook.name()
                    + " of "
                    + GitLab.holderName(context.graph(), hook)
                    + " to "
                    + hook.text(Attr.TARGET_HOST).orElse("its receiver")
                    + " has no secret token.")
            .with("token_present", false)
            .with("host", hook.text(Attr.TARGET_HOST).orElse(null));
      } else if (hook.isTrue(Attr.SECRET_CONFIGURED)) {
        outcomes.pass(hook.id());
      } else {
        outcomes.unknown(
            hook.id(), "GitLab reports whether a hook has a secret token from version 19.0 on");
      }
    }
  }
}
