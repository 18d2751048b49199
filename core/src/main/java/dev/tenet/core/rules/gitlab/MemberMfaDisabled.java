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

/** A member of the group has no second factor (visible to instance administrators only). */
public final class MemberMfaDisabled implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-MEMBER-001",
          "member-mfa-disabled",
          Severity.HIGH,
          "Group member without two-factor authentication",
          "This account can be taken over with its password alone, and everything it can push,"
              + " approve, deploy or read goes with it.",
          List.of(
              "Ask the member to enable two-factor authentication (User settings → Account →"
                  + " Enable two-factor authentication).",
              "Then require two-factor authentication for the whole group so no account can fall"
                  + " back."),
          List.of(GitLab.DOCS + "user/profile/account/two_factor_authentication/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity user : GitLab.entities(context.graph(), EntityKind.USER)) {
      List<Relation> memberships = context.graph().outgoing(user, RelationKind.MEMBER_OF);
      if (memberships.isEmpty()) {
        continue;
      }
      String role = Roles.highest(memberships);
      if (user.isTrue(Attr.MFA_ENABLED)) {
        outcomes.pass(user.id());
      } else if (user.isFalse(Attr.MFA_ENABLED)) {
        outcomes
            .fail(
                user.id(),
                "Member " + user.name() + " (" + role + ") has two-factor authentication disabled.")
            .with("username", user.name())
            .with("role", role)
            .severity(Roles.atLeast(role, "maintainer") ? Severity.CRITICAL : Severity.HIGH);
      } else {
        outcomes.unknown(user.id(), "two-factor status visible to instance administrators only");
      }
    }
  }
}
