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
import java.util.Optional;

/** A webhook sends its payloads over plain HTTP, or without checking the receiver's certificate. */
public final class WebhookInsecureTransport implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-HOOK-001",
          "webhook-insecure-transport",
          Severity.HIGH,
          "Webhook delivers over plain HTTP or without TLS verification",
          "Webhook payloads carry code changes, member and repository events; over HTTP (or"
              + " without certificate checks) anyone on the path can read them and, without a"
              + " signature, forge them.",
          List.of(
              "Edit the webhook (organization or repository Settings → Webhooks): use an https://"
                  + " payload URL and set 'SSL verification' to 'Enable SSL verification'.",
              "Give the receiver a certificate from a trusted CA (or your private CA on the"
                  + " receiving side) instead of turning verification off."),
          List.of(
              "https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks#use-https-and-ssl-verification"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity hook : Subjects.of(context.graph(), EntityKind.WEBHOOK, GitHub.PLATFORM)) {
      Optional<String> endpoint = hook.text(Attr.ENDPOINT);
      boolean plainHttp = endpoint.map(e -> e.startsWith("http://")).orElse(false);
      boolean unverified = hook.isFalse(Attr.TLS_VERIFIED);
      if (plainHttp || unverified) {
        outcomes
            .fail(
                hook.id(),
                "Webhook "
                    + hook.name()
                    + " delivers to "
                    + endpoint.orElse("its receiver")
                    + (plainHttp ? " over plain HTTP." : " without verifying the TLS certificate."))
            .with("endpoint", endpoint.orElse(null))
            .with("insecure_ssl", unverified)
            .with("active", hook.bool(Attr.ACTIVE).orElse(null))
            .severity(hook.isFalse(Attr.ACTIVE) ? Severity.LOW : METADATA.severity());
      } else if (endpoint.isPresent() && hook.has(Attr.TLS_VERIFIED)) {
        outcomes.pass(hook.id());
      } else {
        outcomes.unknown(hook.id(), "the webhook's configuration is not visible");
      }
    }
  }
}
