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
import java.util.ArrayList;
import java.util.List;

/** Someone outside the organization can push to, or administer, its repositories. */
public final class OutsideCollaboratorPrivileged implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-MEMBER-003",
          "outside-collaborator-privileged",
          Severity.HIGH,
          "Outside collaborator with write or admin access",
          "Outside collaborators are not bound by the organization's SSO, 2FA requirement or"
              + " offboarding; write access lets them change code that is built and released,"
              + " admin access lets them change the repository's protection.",
          List.of(
              "Review the collaborator's access in each listed repository (Settings →"
                  + " Collaborators and teams).",
              "Lower it to 'Read' or 'Triage', or make the person a member bound by the"
                  + " organization's policies, and set an end date for contractors' access."),
          List.of(
              "https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-outside-collaborators/adding-outside-collaborators-to-repositories-in-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity user : context.graph().entities(EntityKind.USER)) {
      if (!user.isTrue(Attr.OUTSIDE_COLLABORATOR)
          || !dev.tenet.core.model.ResourceId.platformOf(user.id()).equals(GitHub.PLATFORM)) {
        continue;
      }
      List<String> grants = new ArrayList<>();
      boolean admin = false;
      for (Relation r : context.graph().outgoing(user)) {
        boolean writes = r.kind() == RelationKind.CAN_WRITE || r.kind() == RelationKind.CAN_ADMIN;
        if (!writes || r.to().isTrue(Attr.ARCHIVED)) {
          continue;
        }
        admin |= r.kind() == RelationKind.CAN_ADMIN;
        grants.add(r.to().name() + ":" + r.text(Attr.PERMISSION).orElse(r.kind().id()));
      }
      boolean complete =
          context
              .graph()
              .find(dev.tenet.core.model.ResourceId.scopeOf(user.id()))
              .map(o -> o.isTrue(Attr.ACCESS_LISTED))
              .orElse(false);
      if (!grants.isEmpty()) {
        grants.sort(null);
        outcomes
            .fail(
                user.id(),
                "Outside collaborator "
                    + user.name()
                    + " has "
                    + (admin ? "admin" : "write")
                    + " access to "
                    + grants.size()
                    + (grants.size() == 1 ? " repository." : " repositories."))
            .with("login", user.name())
            .with("repositories", grants)
            .severity(admin ? Severity.CRITICAL : Severity.HIGH);
      } else if (complete) {
        outcomes.pass(user.id());
      } else {
        outcomes.unknown(user.id(), "not every repository's collaborators could be read");
      }
    }
  }
}
