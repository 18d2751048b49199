package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/** Any action from any publisher may run in the organization's (or a repository's) workflows. */
public final class ThirdPartyActionsUnrestricted extends OrganizationDefaultRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ACTIONS-001",
          "third-party-actions-unrestricted",
          Severity.LOW,
          "Any third-party action may run in GitHub Actions",
          "Every action a workflow uses runs with the job's token and secrets. Without an"
              + " allow-list, one typo-squatted or hijacked action anywhere in the organization"
              + " runs with those credentials.",
          List.of(
              "In the organization's Settings → Actions → General → Policies, choose 'Allow"
                  + " <organization>, and select non-<organization>, actions and reusable"
                  + " workflows'.",
              "Allow actions created by GitHub and list the third-party actions you have"
                  + " reviewed, pinned to full commit SHAs (e.g. 'docker/login-action@<sha>').",
              "Optionally tick 'Require actions to be pinned to a full-length commit SHA'."),
          List.of(
              "https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#allowing-select-actions-and-reusable-workflows-to-run"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  Optional<Boolean> weak(Entity e) {
    Optional<String> allowed = e.text(Attr.ALLOWED_ACTIONS);
    if (allowed.isEmpty()) {
      return Optional.empty();
    }
    return switch (allowed.get()) {
      case "all" -> Optional.of(true);
      case "selected" ->
          // A wildcard pattern lets every publisher in again.
          e.has(Attr.ALLOWED_ACTION_PATTERNS)
              ? Optional.of(
                  e.list(Attr.ALLOWED_ACTION_PATTERNS).stream()
                      .anyMatch(p -> p.equals("*") || p.startsWith("*/") || p.equals("*@*")))
              : Optional.of(false);
      default -> Optional.of(false);
    };
  }

  @Override
  String problem(Entity e) {
    String where = e.kind() == EntityKind.ORGANIZATION ? "Organization " : "Repository ";
    return e.text(Attr.ALLOWED_ACTIONS).orElse("").equals("all")
        ? where + e.name() + " lets workflows use any action from any publisher."
        : where + e.name() + " allows actions through a wildcard pattern that matches everyone.";
  }

  @Override
  void evidence(FindingDraft f, Entity e) {
    f.with("allowed_actions", e.text(Attr.ALLOWED_ACTIONS).orElse(null))
        .with(
            "patterns_allowed",
            e.has(Attr.ALLOWED_ACTION_PATTERNS) ? e.list(Attr.ALLOWED_ACTION_PATTERNS) : null)
        .with("sha_pinning_required", e.bool(Attr.ACTION_PINNING_REQUIRED).orElse(null));
  }
}
