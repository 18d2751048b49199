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
import java.util.List;

/**
 * More Owners than the configured maximum. The top group is judged on everyone who owns it; a
 * subgroup only when it adds Owners of its own, so inherited owners are counted once.
 */
public final class ExcessiveOwners implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-GROUP-003",
          "excessive-admins",
          Severity.MEDIUM,
          "Too many group Owners",
          "Owners can change every setting Tenet checks, read and change CI/CD variables, create"
              + " access tokens and delete projects; each standing Owner is one more account to"
              + " protect.",
          List.of(
              "Review the group's Manage → Members page, filtered by the Owner role.",
              "Change to Maintainer (or lower) every Owner whose daily work does not need"
                  + " ownership; keep two or three Owners for continuity."),
          List.of(GitLab.DOCS + "user/permissions/#group-members-permissions"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    int max = context.settings().maxAdmins();
    for (Entity group : GitLab.groups(context.graph())) {
      List<Relation> owners =
          context.graph().incoming(group, RelationKind.MEMBER_OF).stream()
              .filter(r -> r.from().kind() == EntityKind.USER)
              .filter(r -> r.text(Attr.ROLE).orElse("").equals("owner"))
              .toList();
      boolean top = GitLab.isTopGroup(context.graph(), group);
      if (!top && owners.stream().allMatch(r -> r.isTrue(Attr.INHERITED))) {
        continue; // Judged where these owners come from.
      }
      if (!group.isTrue(Attr.MEMBERS_LISTED)) {
        outcomes.unknown(group.id(), "group members not visible to the token");
      } else if (owners.size() > max) {
        outcomes
            .fail(
                group.id(),
                "Group "
                    + group.name()
                    + " has "
                    + owners.size()
                    + " Owners, more than the "
                    + max
                    + " allowed.")
            .with("owners", owners.stream().map(r -> r.from().name()).sorted().toList())
            .with(
                "direct_owners",
                owners.stream()
                    .filter(r -> !r.isTrue(Attr.INHERITED))
                    .map(r -> r.from().name())
                    .sorted()
                    .toList())
            .with("maximum", max);
      } else {
        outcomes.pass(group.id());
      }
    }
  }
}
