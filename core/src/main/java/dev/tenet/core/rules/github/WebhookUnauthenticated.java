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

/** A webhook has no secret, so its receiver cannot tell GitHub's deliveries from forged ones. */
public final class WebhookUnauthenticated implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-HOOK-002",
          "webhook-unauthenticated",
          Severity.MEDIUM,
          "Webhook without a secret",
          "Without a shared secret GitHub sends no signature: anyone who can reach the receiver"
              + " can post fake push or release events and trigger its deployments or"
              + " automations.",
          List.of(
              "Edit the webhook (Settings → Webhooks) and set a long random 'Secret'.",
              "Make the receiver check the X-Hub-Signature-256 header of every delivery and"
                  + " reject the rest."),
          List.of(
              "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity hook : Subjects.of(context.graph(), EntityKind.WEBHOOK, GitHub.PLATFORM)) {
      if (hook.isTrue(Attr.SECRET_CONFIGURED)) {
        outcomes.pass(hook.id());
      } else if (hook.isFalse(Attr.SECRET_CONFIGURED)) {
        outcomes
            .fail(
                hook.id(),
                "Webhook "
                    + hook.name()
                    + " to "
                    + hook.text(Attr.ENDPOINT).orElse("its receiver")
                    + " has no secret, so its deliveries are not signed.")
            .with("endpoint", hook.text(Attr.ENDPOINT).orElse(null))
            .with("events", hook.has(Attr.EVENTS) ? hook.list(Attr.EVENTS) : null)
            .with("active", hook.bool(Attr.ACTIVE).orElse(null))
            .severity(hook.isFalse(Attr.ACTIVE) ? Severity.LOW : METADATA.severity());
      } else {
        outcomes.unknown(hook.id(), "the webhook's configuration is not visible");
      }
    }
  }
}
