package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/** Workflows get a GITHUB_TOKEN that can write to the repository unless they ask for less. */
public final class CiTokenDefaultWrite extends OrganizationDefaultRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ACTIONS-002",
          "ci-token-default-write",
          Severity.HIGH,
          "GITHUB_TOKEN has write permissions by default",
          "Every workflow that does not declare its permissions gets a token that can push code,"
              + " create releases and change issues; a single injected step in any of them can"
              + " tamper with the repository.",
          List.of(
              "In the organization's Settings → Actions → General → Workflow permissions, choose"
                  + " 'Read repository contents and packages permissions' and save.",
              "Give the workflows that need more a 'permissions:' block listing exactly what"
                  + " they write."),
          List.of(
              "https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#setting-the-permissions-of-the-github_token-for-your-organization"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  Optional<Boolean> weak(Entity e) {
    return e.text(Attr.CI_TOKEN_PERMISSIONS).map("write"::equals);
  }

  @Override
  String problem(Entity e) {
    return (e.kind() == EntityKind.ORGANIZATION ? "Organization " : "Repository ")
        + e.name()
        + " gives workflows a read-write GITHUB_TOKEN by default.";
  }

  @Override
  void evidence(FindingDraft f, Entity e) {
    f.with("default_workflow_permissions", e.text(Attr.CI_TOKEN_PERMISSIONS).orElse(null));
  }
}
