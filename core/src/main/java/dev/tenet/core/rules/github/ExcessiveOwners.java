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
import java.util.List;

/** More standing organization owners than the configured maximum. */
public final class ExcessiveOwners implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ORG-003",
          "excessive-admins",
          Severity.MEDIUM,
          "Too many organization owners",
          "Owners can change every setting Tenet checks, add members, read audit logs and"
              + " delete repositories; each standing owner is one more account to protect.",
          List.of(
              "Review the owners in the organization's People page (filter by role 'Owner').",
              "Change to 'Member' every owner whose daily work does not need ownership; keep two"
                  + " or three owners for continuity."),
          List.of(
              "https://docs.github.com/en/organizations/managing-peoples-access-to-your-organization-with-roles/roles-in-an-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int max = context.settings().maxAdmins();
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      List<String> owners =
          context.graph().incoming(org, RelationKind.MEMBER_OF).stream()
              .filter(r -> r.text(Attr.ROLE).orElse("").equals("owner"))
              .map(Relation::from)
              .map(Entity::name)
              .sorted()
              .toList();
      if (!org.isTrue(Attr.MEMBERS_LISTED)) {
        outcomes.unknown(org.id(), "organization roles not visible to the token");
      } else if (owners.size() > max) {
        outcomes
            .fail(
                org.id(),
                "Organization "
                    + org.name()
                    + " has "
                    + owners.size()
                    + " owners, more than the "
                    + max
                    + " allowed.")
            .with("owners", owners)
            .with("maximum", max);
      } else {
        outcomes.pass(org.id());
      }
    }
  }
}
