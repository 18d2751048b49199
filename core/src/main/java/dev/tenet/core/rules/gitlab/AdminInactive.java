package dev.tenet.core.rules.gitlab;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An Owner who has not been active for months still holds ownership. */
public final class AdminInactive implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-MEMBER-002",
          "admin-inactive",
          Severity.MEDIUM,
          "Inactive account still holds the Owner role",
          "An unused account with standing ownership is a quiet way in: nobody notices when it"
              + " signs in again, and its owner may have left the team.",
          List.of(
              "Confirm with the person whether they still need the group.",
              "Lower the role to what their work needs, or remove the membership; give"
                  + " ownership again for a set time when it is needed."),
          List.of(GitLab.DOCS + "user/group/manage/#view-group-activity"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int days = context.settings().adminInactiveDays();
    Instant now = context.now();
    for (Entity user : GitLab.entities(context.graph(), EntityKind.USER)) {
      List<Relation> owned =
          context.graph().outgoing(user, RelationKind.MEMBER_OF).stream()
              .filter(r -> r.text(Attr.ROLE).orElse("").equals("owner"))
              .toList();
      if (owned.isEmpty()) {
        continue;
      }
      Optional<Instant> last = user.instant(Attr.LAST_ACTIVE_AT);
      if (last.isEmpty()) {
        outcomes.unknown(user.id(), "last activity visible to top-group Owners only");
        continue;
      }
      long idle = Duration.between(last.get(), now).toDays();
      if (idle > days) {
        outcomes
            .fail(
                user.id(),
                "Owner "
                    + user.name()
                    + " has not been active for "
                    + idle
                    + " days (last activity "
                    + last.get().toString().substring(0, 10)
                    + ").")
            .with("username", user.name())
            .with("last_activity_on", last.get().toString().substring(0, 10))
            .with("inactive_days", idle)
            .with("threshold_days", days)
            .with("owner_of", owned.stream().map(r -> r.to().name()).sorted().toList());
      } else {
        outcomes.pass(user.id());
      }
    }
  }
}
