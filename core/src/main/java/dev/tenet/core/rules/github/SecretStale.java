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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An Actions or Dependabot secret has not been changed within the rotation period. */
public final class SecretStale implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-SECRET-001",
          "secret-stale",
          Severity.MEDIUM,
          "Secret not rotated within the rotation period",
          "A secret that never changes stays valid in every log, artifact, fork or laptop it"
              + " ever leaked to; rotation puts a limit on how long a leak is useful.",
          List.of(
              "Issue a new credential at its source (cloud, registry, SaaS) and update the"
                  + " secret; then revoke the old credential.",
              "Where the platform supports it, replace the secret with short-lived OIDC"
                  + " federation so there is nothing to rotate."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int days = context.settings().secretRotationDays();
    Instant threshold = context.now().minus(Duration.ofDays(days));
    for (Entity secret : Subjects.of(context.graph(), EntityKind.SECRET, GitHub.PLATFORM)) {
      if (archived(context, secret)) {
        continue;
      }
      Optional<Instant> changed =
          secret.instant(Attr.UPDATED_AT).or(() -> secret.instant(Attr.CREATED_AT));
      if (changed.isEmpty()) {
        outcomes.unknown(secret.id(), "the secret's last change is not visible");
      } else if (changed.get().isBefore(threshold)) {
        outcomes
            .fail(
                secret.id(),
                "Secret "
                    + secret.name()
                    + " was last changed "
                    + GitHub.days(changed.get(), context.now())
                    + " days ago.")
            .with("secret", secret.name())
            .with("updated_at", changed.get().toString())
            .with("rotation_days", days);
      } else {
        outcomes.pass(secret.id());
      }
    }
  }

  private static boolean archived(RuleContext context, Entity secret) {
    Entity owner = context.graph().container(secret).orElse(null);
    for (int i = 0; i < 3 && owner != null; i++) {
      if (owner.kind() == EntityKind.REPOSITORY) {
        return owner.isTrue(Attr.ARCHIVED);
      }
      owner = context.graph().container(owner).orElse(null);
    }
    return false;
  }
}
