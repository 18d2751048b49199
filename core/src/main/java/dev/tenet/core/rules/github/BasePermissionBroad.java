package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import dev.tenet.core.rules.Subjects;
import java.util.List;

/** Every member can push to (or administer) every repository. */
public final class BasePermissionBroad implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ORG-002",
          "base-permission-broad",
          Severity.HIGH,
          "Organization base permission grants write or admin to every member",
          "Standing write access for everyone turns any single compromised member into a"
              + " compromise of every repository, including the ones that deploy to production.",
          List.of(
              "In the organization's Settings → Member privileges, set 'Base permissions' to"
                  + " 'Read' or 'No permission'.",
              "Grant write access through teams scoped to the repositories each team works on."),
          List.of(
              "https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/setting-base-permissions-for-an-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity org : Subjects.of(context.graph(), EntityKind.ORGANIZATION, GitHub.PLATFORM)) {
      String base = org.text(Attr.BASE_PERMISSION).orElse(null);
      if (base == null) {
        outcomes.unknown(org.id(), "base permission visible to organization owners only");
      } else if (base.equals("write") || base.equals("admin")) {
        outcomes
            .fail(
                org.id(),
                "Every member of "
                    + org.name()
                    + " has '"
                    + base
                    + "' permission on every repository.")
            .with("default_repository_permission", base)
            .severity(base.equals("admin") ? Severity.CRITICAL : Severity.HIGH);
      } else {
        outcomes.pass(org.id());
      }
    }
  }
}
