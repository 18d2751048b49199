package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An organization owner has not been active for months but keeps full control. */
public final class OwnerInactive implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-MEMBER-002",
          "admin-inactive",
          Severity.MEDIUM,
          "Inactive organization owner",
          "An owner account nobody uses is rarely watched: its takeover goes unnoticed, and it"
              + " can change every setting, read every repository and remove other owners.",
          List.of(
              "Confirm with the person that they no longer need ownership.",
              "In the organization's People page, change the role to 'Member' (or remove the"
                  + " account) and review what it did last in the audit log."),
          List.of(
              "https://docs.github.com/en/organizations/managing-peoples-access-to-your-organization-with-roles/managing-membership-in-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int days = context.settings().adminInactiveDays();
    Instant threshold = context.now().minus(java.time.Duration.ofDays(days));
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      for (Relation membership : context.graph().incoming(org, RelationKind.MEMBER_OF)) {
        if (!membership.text(Attr.ROLE).map("owner"::equals).orElse(false)) {
          continue;
        }
        Entity owner = membership.from();
        Optional<Instant> last = owner.instant(Attr.LAST_ACTIVE_AT);
        Optional<Instant> quietSince = owner.instant(Attr.NO_ACTIVITY_SINCE);
        if (last.isPresent()) {
          if (last.get().isBefore(threshold)) {
            outcomes
                .fail(
                    owner.id(),
                    "Owner "
                        + owner.name()
                        + " of "
                        + org.name()
                        + " was last active "
                        + GitHub.days(last.get(), context.now())
                        + " days ago.")
                .with("login", owner.name())
                .with("last_active_at", last.get().toString())
                .with("inactive_after_days", days);
          } else {
            outcomes.pass(owner.id());
          }
        } else if (quietSince.isPresent() && !quietSince.get().isAfter(threshold)) {
          outcomes
              .fail(
                  owner.id(),
                  "Owner "
                      + owner.name()
                      + " of "
                      + org.name()
                      + " has no recorded activity in the last "
                      + GitHub.days(quietSince.get(), context.now())
                      + " days.")
              .with("login", owner.name())
              .with("no_activity_since", quietSince.get().toString())
              .with("inactive_after_days", days);
        } else {
          outcomes.unknown(owner.id(), "owner activity not visible (audit log)");
        }
      }
    }
  }
}
