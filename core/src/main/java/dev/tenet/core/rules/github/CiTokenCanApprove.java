package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/** GitHub Actions may create and approve pull requests, standing in for a human reviewer. */
public final class CiTokenCanApprove extends OrganizationDefaultRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ACTIONS-003",
          "ci-token-can-approve",
          Severity.HIGH,
          "GitHub Actions can approve pull requests",
          "A workflow can approve the pull request it was triggered by, so the required review"
              + " of branch protection is satisfied by the pipeline instead of a person.",
          List.of(
              "In the organization's Settings → Actions → General → Workflow permissions, untick"
                  + " 'Allow GitHub Actions to create and approve pull requests'."),
          List.of(
              "https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#preventing-github-actions-from-creating-or-approving-pull-requests"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  Optional<Boolean> weak(Entity e) {
    return e.bool(Attr.CI_TOKEN_CAN_APPROVE);
  }

  @Override
  String problem(Entity e) {
    return (e.kind() == EntityKind.ORGANIZATION ? "Organization " : "Repository ")
        + e.name()
        + " allows GitHub Actions to create and approve pull requests.";
  }

  @Override
  void evidence(FindingDraft f, Entity e) {
    f.with("can_approve_pull_request_reviews", true);
  }
}
