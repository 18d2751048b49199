package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;

/**
 * Members of a group reach it without its identity provider. GitLab's API does not show the
 * enforcement switch itself; what it shows (to Owners, on GitLab.com) is which members have a SAML
 * identity linked. Once SAML is configured, a human member without one signs in with a GitLab
 * password alone, which enforced SSO would not allow.
 */
public final class SsoNotEnforced implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-GROUP-002",
          "sso-not-enforced",
          Severity.MEDIUM,
          "Group members can work without signing in through the identity provider",
          "Without enforced single sign-on, leaving the company, a disabled account or a failed"
              + " device check at the identity provider does not stop a member from reaching"
              + " code, pipelines and variables.",
          List.of(
              "In the top-level group's Settings → SAML SSO, configure the identity provider if"
                  + " there is none.",
              "Tick 'Enforce SSO-only authentication for web activity for this group' and 'for Git"
                  + " and Dependency Proxy activity for this group'.",
              "Ask every member listed in the finding to link their identity (or remove them)."),
          List.of(GitLab.DOCS + "user/group/saml_sso/#sso-enforcement"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity group : GitLab.topGroups(context.graph())) {
      if (group.isFalse(Attr.SSO_CONFIGURED)) {
        outcomes
            .fail(
                group.id(),
                "Group "
                    + group.name()
                    + " has no identity provider configured: members sign in with GitLab"
                    + " passwords.")
            .with("saml_configured", false)
            .with("plan", group.text(Attr.PLAN).orElse(null));
        continue;
      }
      if (!group.isTrue(Attr.SSO_CONFIGURED) || !group.isTrue(Attr.MEMBERS_LISTED)) {
        outcomes.unknown(group.id(), "SAML configuration not visible to the token");
        continue;
      }
      List<Entity> humans =
          context.graph().sources(group, RelationKind.MEMBER_OF).stream()
              .filter(u -> u.kind() == EntityKind.USER)
              .toList();
      if (humans.stream().anyMatch(u -> !u.has(Attr.SSO_IDENTITY_LINKED))) {
        outcomes.unknown(group.id(), "SAML identities visible to group Owners only");
        continue;
      }
      List<String> unlinked =
          humans.stream()
              .filter(u -> u.isFalse(Attr.SSO_IDENTITY_LINKED))
              .map(Entity::name)
              .sorted()
              .toList();
      if (unlinked.isEmpty()) {
        outcomes.pass(group.id());
      } else {
        outcomes
            .fail(
                group.id(),
                unlinked.size()
                    + " member(s) of "
                    + group.name()
                    + " have no SAML identity linked, so they sign in without the identity"
                    + " provider.")
            .with("members_without_sso_identity", unlinked);
      }
    }
  }
}
