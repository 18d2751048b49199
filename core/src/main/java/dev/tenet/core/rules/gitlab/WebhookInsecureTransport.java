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

/** A project or group webhook delivers over plain HTTP or without verifying TLS. */
public final class WebhookInsecureTransport implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-HOOK-001",
          "webhook-insecure-transport",
          Severity.HIGH,
          "Webhook over plain HTTP or with TLS verification disabled",
          "Deliveries carry code, merge request and pipeline details, and the hook's secret"
              + " token: on the way, anyone in the network path can read them or answer in the"
              + " receiver's place.",
          List.of(
              "In Settings → Webhooks, change the URL to https://.",
              "Tick 'Enable SSL verification'; for a receiver with a private certificate, add its"
                  + " CA to the GitLab instance instead of turning verification off."),
          List.of(GitLab.DOCS + "user/project/integrations/webhooks/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity hook : GitLab.entities(context.graph(), EntityKind.WEBHOOK)) {
      String holder = GitLab.holderName(context.graph(), hook);
      boolean plain = hook.text(Attr.URL_SCHEME).orElse("").equals("http");
      if (plain || hook.isFalse(Attr.TLS_VERIFIED)) {
        outcomes
            .fail(
                hook.id(),
                "Webhook "
                    + hook.name()
                    + " of "
                    + holder
                    + (plain
                        ? " delivers over plain HTTP to "
                        : " delivers without verifying the TLS certificate of ")
                    + hook.text(Attr.TARGET_HOST).orElse("its receiver")
                    + ".")
            .with("scheme", hook.text(Attr.URL_SCHEME).orElse(null))
            .with("host", hook.text(Attr.TARGET_HOST).orElse(null))
            .with("enable_ssl_verification", hook.bool(Attr.TLS_VERIFIED).orElse(null));
      } else if (hook.isTrue(Attr.TLS_VERIFIED)) {
        outcomes.pass(hook.id());
      } else {
        outcomes.unknown(hook.id(), "webhook transport settings could not be read");
      }
    }
  }
}
