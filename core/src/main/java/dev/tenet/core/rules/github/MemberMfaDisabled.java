package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.Relation;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** A member of the organization has no second factor. */
public final class MemberMfaDisabled implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-MEMBER-001",
          "member-mfa-disabled",
          Severity.HIGH,
          "Member or outside collaborator without two-factor authentication",
          "This account can be taken over with its password alone, and everything it can push,"
              + " approve or read goes with it.",
          List.of(
              "Ask the member to enable two-factor authentication (Settings → Password and"
                  + " authentication).",
              "Then require two-factor authentication for the whole organization so no account"
                  + " can fall back."),
          List.of(
              "https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      for (Relation membership : context.graph().incoming(org, RelationKind.MEMBER_OF)) {
        Entity user = membership.from();
        if (user.kind() != EntityKind.USER) {
          continue;
        }
        String memberId = user.id();
        if (user.isTrue(Attr.MFA_ENABLED)) {
          outcomes.pass(memberId);
        } else if (user.isFalse(Attr.MFA_ENABLED)) {
          outcomes
              .fail(
                  memberId,
                  "Member "
                      + user.name()
                      + " ("
                      + membership.text(Attr.ROLE).orElse("member")
                      + ") has two-factor authentication disabled.")
              .with("login", user.name())
              .with("role", membership.text(Attr.ROLE).orElse(null))
              .severity(
                  "owner".equals(membership.text(Attr.ROLE).orElse(""))
                      ? Severity.CRITICAL
                      : Severity.HIGH);
        } else {
          outcomes.unknown(memberId, "two-factor status visible to organization owners only");
        }
      }
    }
    // Outside collaborators sign in with their own accounts just the same.
    for (Entity user : context.graph().entities(EntityKind.USER)) {
      if (!user.isTrue(Attr.OUTSIDE_COLLABORATOR)
          || !ResourceId.platformOf(user.id()).equals(GitHub.PLATFORM)) {
        continue;
      }
      if (user.isTrue(Attr.MFA_ENABLED)) {
        outcomes.pass(user.id());
      } else if (user.isFalse(Attr.MFA_ENABLED)) {
        outcomes
            .fail(
                user.id(),
                "Outside collaborator " + user.name() + " has two-factor authentication disabled.")
            .with("login", user.name())
            .with("role", "outside-collaborator");
      } else {
        outcomes.unknown(user.id(), "two-factor status visible to organization owners only");
      }
    }
  }
}
