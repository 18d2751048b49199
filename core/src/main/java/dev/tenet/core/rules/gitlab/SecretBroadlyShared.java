package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/**
 * A group variable that holds a credential reaches every project of the group and its subgroups, in
 * every environment. GitLab cannot limit a group variable to chosen projects, only to environments.
 */
public final class SecretBroadlyShared implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-VAR-003",
          "secret-broadly-shared",
          Severity.MEDIUM,
          "Group CI/CD variable holding a credential reaches every project of the group",
          "Every project below the group, and everyone who can push to any of them, can use the"
              + " credential, though most of those projects never need it.",
          List.of(
              "Move the variable to the projects that need it, or into a subgroup that holds only"
                  + " them.",
              "Otherwise limit it to the environment that needs it (the variable's 'Environments'"
                  + " field) and protect that environment."),
          List.of(GitLab.DOCS + "ci/variables/#for-a-group"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity v : GitLab.entities(context.graph(), EntityKind.VARIABLE)) {
      Optional<Entity> holder = context.graph().container(v);
      if (holder.isEmpty()
          || holder.get().kind() != EntityKind.ORGANIZATION
          || !Credentials.holdsCredential(v)) {
        continue;
      }
      Optional<String> scope = v.text(Attr.ENVIRONMENT_SCOPE);
      if (scope.isEmpty()) {
        outcomes.unknown(v.id(), "environment scope not visible to the token");
        continue;
      }
      int projects = GitLab.projectsUnder(context.graph(), holder.get()).size();
      if (scope.get().equals("*") && projects > 1) {
        outcomes
            .fail(
                v.id(),
                "Group variable "
                    + v.name()
                    + " of "
                    + holder.get().name()
                    + " looks like a credential and reaches all "
                    + projects
                    + " projects of the group, in every environment.")
            .with("key", v.name())
            .with("group", holder.get().name())
            .with("projects", projects)
            .with("environment_scope", "*");
      } else {
        outcomes.pass(v.id());
      }
    }
  }
}
