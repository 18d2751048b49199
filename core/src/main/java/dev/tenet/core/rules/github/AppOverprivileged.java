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

/**
 * An installed GitHub App holds admin-level or sensitive write permissions, or writes everywhere.
 */
public final class AppOverprivileged implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-APP-001",
          "app-overprivileged",
          Severity.MEDIUM,
          "Installed GitHub App holds broad write or admin permissions",
          "An app's private key is a standing credential held by a third party: with"
              + " administration, secrets, members or workflow write access, or push access to"
              + " every repository, a breach of the vendor is a breach of the organization.",
          List.of(
              "In the organization's Settings → GitHub Apps, open the app's configuration and"
                  + " review its permissions.",
              "Limit 'Repository access' to the repositories it serves, and ask the vendor for"
                  + " a version without the listed permissions (or uninstall it)."),
          List.of(
              "https://docs.github.com/en/apps/using-github-apps/reviewing-and-modifying-installed-github-apps"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity app : Subjects.of(context.graph(), EntityKind.APP, GitHub.PLATFORM)) {
      if (!app.has(Attr.PERMISSIONS)) {
        outcomes.unknown(app.id(), "the app's permissions are not visible");
        continue;
      }
      List<String> broad = GitHub.broadPermissions(app);
      if (broad.isEmpty()) {
        outcomes.pass(app.id());
        continue;
      }
      boolean adminLevel =
          broad.stream()
              .anyMatch(
                  p ->
                      p.endsWith(":admin")
                          || p.startsWith("administration:")
                          || p.startsWith("organization_administration:")
                          || p.startsWith("members:")
                          || p.contains("secrets:"));
      outcomes
          .fail(
              app.id(),
              "GitHub App "
                  + app.name()
                  + " is installed on "
                  + (app.text(Attr.REPOSITORY_SELECTION).orElse("").equals("all")
                      ? "all repositories"
                      : "selected repositories")
                  + " with "
                  + String.join(", ", broad)
                  + ".")
          .with("app", app.name())
          .with("broad_permissions", broad)
          .with("repository_selection", app.text(Attr.REPOSITORY_SELECTION).orElse(null))
          .severity(adminLevel ? Severity.HIGH : METADATA.severity());
    }
  }
}
