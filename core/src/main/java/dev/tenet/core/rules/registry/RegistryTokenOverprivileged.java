package dev.tenet.core.rules.registry;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registry token that can administer the registry or delete images, or can push to every
 * repository while nothing has used it for months.
 */
public final class RegistryTokenOverprivileged implements Rule {
  /** A token with push rights unused this long is not needed for pushing. */
  static final Duration UNUSED = Duration.ofDays(90);

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "REG-TOKEN-002",
          "token-overprivileged",
          Severity.MEDIUM,
          "Registry access token with broader rights than its use needs",
          "Pulling images needs read access to a few repositories. A token that can administer"
              + " the registry, delete images or push everywhere turns one leaked CI variable into"
              + " control over every image production runs.",
          List.of(
              "Find what the token is used for (its name and last use help).",
              "Replace it with one limited to the repositories it needs and to pull (or push"
                  + " only where the pipeline publishes), with an expiry date; revoke the old one.",
              "Administer the registry with personal accounts protected by two-factor"
                  + " authentication, not with tokens."),
          List.of(
              "https://docs.docker.com/security/access-tokens/reference/",
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
      if (!token.has(Attr.GRANTS)) {
        outcomes.unknown(token.id(), "the token's rights are not visible");
        continue;
      }
      List<String> grants = token.list(Attr.GRANTS);
      List<String> resources = token.list(Attr.RESOURCES);
      boolean everywhere = resources.isEmpty() || resources.contains("*");
      Optional<Instant> lastUsed = token.instant(Attr.LAST_ACTIVE_AT);
      boolean unused = lastUsed.map(t -> t.isBefore(context.now().minus(UNUSED))).orElse(true);
      String message = null;
      Severity severity = null;
      if (grants.contains("admin")) {
        message = "Registry token '" + token.name() + "' can administer the registry.";
        severity = Severity.HIGH;
      } else if (grants.contains("delete")) {
        message =
            "Registry token '"
                + token.name()
                + "' can delete images"
                + (everywhere ? " in every repository." : ".");
        severity = Severity.MEDIUM;
      } else if (grants.contains("push") && everywhere && unused) {
        message =
            "Registry token '"
                + token.name()
                + "' can push to every repository but "
                + (lastUsed.isEmpty()
                    ? "has never been used."
                    : "has not been used for over 90 days.");
        severity = Severity.MEDIUM;
      }
      if (message == null) {
        outcomes.pass(token.id());
        continue;
      }
      outcomes
          .fail(token.id(), message)
          .with("token", token.name())
          .with("scopes", token.has(Attr.SCOPES) ? token.list(Attr.SCOPES) : null)
          .with("grants", grants)
          .with("resources", everywhere ? List.of("*") : resources)
          .with("last_used_at", lastUsed.map(Instant::toString).orElse(null))
          .severity(severity);
    }
  }
}
