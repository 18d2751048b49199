package dev.tenet.core.rules.aws;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An active access key is older than the rotation period, or belongs to the root user. */
public final class AccessKeyNotRotated implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-KEY-001",
          "secret-stale",
          Severity.MEDIUM,
          "Access key not rotated within the rotation period",
          "An access key never expires. The longer it lives, the more copies of it exist (laptops,"
              + " CI variables, old scripts, logs) and the longer a leaked one keeps working."
              + " Root access keys cannot be limited by any policy at all.",
          List.of(
              "Create a second key for the user, switch its consumers to it, then deactivate and"
                  + " delete the old one.",
              "Better, remove the need for the key: federate pipelines with OIDC and people with"
                  + " IAM Identity Center.",
              "Delete root access keys outright."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console",
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int maxDays = context.settings().secretRotationDays();
    for (AccessKeys.Key k : AccessKeys.all(context.graph())) {
      if (!k.key().has(Attr.ACTIVE)) {
        outcomes.unknown(k.key().id(), "the key's status is not known");
        continue;
      }
      if (!k.active()) {
        outcomes.pass(k.key().id());
        continue;
      }
      boolean root = Aws.isRoot(k.user());
      Optional<Instant> created = k.key().instant(Attr.CREATED_AT);
      if (created.isEmpty() && !root) {
        outcomes.unknown(k.key().id(), "the key's creation date is not known");
        continue;
      }
      long ageDays = created.map(c -> Duration.between(c, context.now()).toDays()).orElse(-1L);
      if (!root && ageDays <= maxDays) {
        outcomes.pass(k.key().id());
        continue;
      }
      boolean admin = root || Aws.adminEquivalent(k.user()).orElse(false);
      outcomes
          .fail(
              k.key().id(),
              root
                  ? "The root user of account "
                      + Aws.accountOf(k.user())
                      + " has an active access key"
                      + (ageDays >= 0 ? ", " + ageDays + " days old." : ".")
                  : "Access key "
                      + k.key().name()
                      + " of IAM user "
                      + k.user().name()
                      + " is "
                      + ageDays
                      + " days old (rotation period: "
                      + maxDays
                      + " days).")
          .with("user", k.user().name())
          .with("key", k.key().name())
          .with("createdAt", created.map(Instant::toString).orElse(null))
          .with("ageDays", ageDays >= 0 ? ageDays : null)
          .with("rotationDays", maxDays)
          .with("lastUsed", k.key().text(Attr.LAST_ACTIVE_AT).orElse(null))
          .severity(root ? Severity.CRITICAL : admin ? Severity.HIGH : METADATA.severity());
    }
  }
}
