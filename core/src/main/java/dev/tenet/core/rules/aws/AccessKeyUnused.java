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

/**
 * An active access key has not been used for months, or ever: a standing credential nobody needs.
 */
public final class AccessKeyUnused implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "AWS-KEY-002",
          "static-cloud-credentials",
          Severity.MEDIUM,
          "Active access key unused",
          "A long-lived key that nothing uses is pure risk: it still works for whoever finds it,"
              + " and nobody would notice its use among no use at all.",
          List.of(
              "Deactivate the key, wait for anything to break, then delete it.",
              "If something does need it, replace it with a role the workload assumes (OIDC"
                  + " federation for pipelines, instance or task roles in AWS)."),
          List.of(
              "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int inactiveDays = context.settings().adminInactiveDays();
    for (AccessKeys.Key k : AccessKeys.all(context.graph())) {
      if (!k.active()) {
        continue;
      }
      Optional<Instant> lastUsed = k.key().instant(Attr.LAST_ACTIVE_AT);
      Optional<Instant> created = k.key().instant(Attr.CREATED_AT);
      Instant since;
      if (lastUsed.isPresent()) {
        since = lastUsed.get();
      } else if (k.key().isTrue(Attr.NEVER_USED) && created.isPresent()) {
        since = created.get();
      } else {
        outcomes.unknown(k.key().id(), "when the key was last used is not known");
        continue;
      }
      long idleDays = Duration.between(since, context.now()).toDays();
      if (idleDays <= inactiveDays) {
        outcomes.pass(k.key().id());
        continue;
      }
      boolean never = lastUsed.isEmpty();
      outcomes
          .fail(
              k.key().id(),
              "Access key "
                  + k.key().name()
                  + " of IAM user "
                  + k.user().name()
                  + (never
                      ? " has never been used in the " + idleDays + " days since it was created."
                      : " has not been used for " + idleDays + " days."))
          .with("user", k.user().name())
          .with("key", k.key().name())
          .with("lastUsed", lastUsed.map(Instant::toString).orElse("never"))
          .with("idleDays", idleDays)
          .with("inactiveDays", inactiveDays)
          .severity(
              Aws.isRoot(k.user()) || Aws.adminEquivalent(k.user()).orElse(false)
                  ? Severity.HIGH
                  : METADATA.severity());
    }
  }
}
