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
import java.util.ArrayList;
import java.util.List;

/**
 * A team can push to (or administer) most of the organization's repositories: more than half of the
 * active ones, and at least {@value #MIN_REPOSITORIES}.
 */
public final class TeamAccessBroad implements Rule {
  static final int MIN_REPOSITORIES = 3;

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-TEAM-001",
          "team-access-broad",
          Severity.MEDIUM,
          "Team has write or admin access to most repositories",
          "A team that can push almost everywhere is a base permission by another name: any"
              + " member's compromised account reaches the repositories that deploy to"
              + " production.",
          List.of(
              "Split the team by the systems its people work on, or lower its access to 'Read'"
                  + " and grant write only on the repositories each sub-team owns.",
              "Review the team's members: everyone in it inherits the access."),
          List.of(
              "https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/managing-team-access-to-an-organization-repository"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity team : Subjects.of(context.graph(), EntityKind.TEAM, GitHub.PLATFORM)) {
      Entity org = GitHub.organizationOf(context.graph(), team).orElse(null);
      if (org == null) {
        continue;
      }
      long active =
          context.graph().targets(org, RelationKind.CONTAINS).stream()
              .filter(e -> e.kind() == EntityKind.REPOSITORY && !e.isTrue(Attr.ARCHIVED))
              .count();
      List<String> write = new ArrayList<>();
      int admin = 0;
      for (Relation r : context.graph().outgoing(team)) {
        if ((r.kind() == RelationKind.CAN_WRITE || r.kind() == RelationKind.CAN_ADMIN)
            && r.to().kind() == EntityKind.REPOSITORY
            && !r.to().isTrue(Attr.ARCHIVED)) {
          write.add(r.to().name());
          if (r.kind() == RelationKind.CAN_ADMIN) {
            admin++;
          }
        }
      }
      if (!team.isTrue(Attr.ACCESS_LISTED)) {
        outcomes.unknown(team.id(), "the team's repositories could not be read");
      } else if (write.size() >= MIN_REPOSITORIES && write.size() * 2 > active) {
        long members = context.graph().incoming(team, RelationKind.MEMBER_OF).size();
        outcomes
            .fail(
                team.id(),
                "Team "
                    + team.name()
                    + " has write or admin access to "
                    + write.size()
                    + " of the "
                    + active
                    + " active repositories of "
                    + org.name()
                    + ".")
            .with("team", team.name())
            .with("repositories_with_write", write.size())
            .with("repositories_with_admin", admin)
            .with("active_repositories", active)
            .with("members", members)
            .severity(admin * 2 > active ? Severity.HIGH : Severity.MEDIUM);
      } else {
        outcomes.pass(team.id());
      }
    }
  }
}
