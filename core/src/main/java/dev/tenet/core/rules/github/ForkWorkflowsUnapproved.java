package dev.tenet.core.rules.github;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workflows from forks run without a maintainer's approval: on public repositories for anyone who
 * is not brand new to GitHub, or on private repositories with no approval at all.
 */
public final class ForkWorkflowsUnapproved extends OrganizationDefaultRule {
  static final String WEAKEST = "first_time_contributors_new_to_github";

  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GH-ACTIONS-004",
          "fork-workflows-unapproved",
          Severity.MEDIUM,
          "Workflows from forks run without approval",
          "An outsider's pull request runs its workflows (and anything it changed in them) on"
              + " your runners without anyone looking first: the usual start of cryptomining,"
              + " runner takeover and cache poisoning attacks.",
          List.of(
              "In the organization's Settings → Actions → General → 'Approval for running fork"
                  + " pull request workflows from contributors', choose 'Require approval for"
                  + " first-time contributors' or 'Require approval for all external"
                  + " contributors'.",
              "For private repositories, under 'Fork pull request workflows in private"
                  + " repositories', tick 'Require approval for fork pull request workflows' and"
                  + " leave write tokens and secrets unticked."),
          List.of(
              "https://docs.github.com/en/organizations/managing-organization-settings/disabling-or-limiting-github-actions-for-your-organization#configuring-required-approval-for-workflows-from-public-forks"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  boolean judges(Entity repository) {
    // Repositories choose their own approval policy only when they are public.
    return GitHub.isPublic(repository);
  }

  @Override
  Optional<Boolean> weak(Entity e) {
    Optional<String> policy = e.text(Attr.FORK_APPROVAL_POLICY);
    boolean privateWeak =
        e.isTrue(Attr.PRIVATE_FORK_PIPELINES)
            && (e.isFalse(Attr.PRIVATE_FORK_APPROVAL_REQUIRED)
                || e.isTrue(Attr.PRIVATE_FORK_SECRETS)
                || e.isTrue(Attr.PRIVATE_FORK_WRITE_TOKEN));
    if (policy.isEmpty() && !e.has(Attr.PRIVATE_FORK_PIPELINES)) {
      return Optional.empty();
    }
    return Optional.of(policy.map(WEAKEST::equals).orElse(false) || privateWeak);
  }

  @Override
  String problem(Entity e) {
    List<String> reasons = new ArrayList<>();
    if (e.text(Attr.FORK_APPROVAL_POLICY).map(WEAKEST::equals).orElse(false)) {
      reasons.add(
          "fork pull-request workflows need approval only for accounts new to GitHub,"
              + " so any older account runs them unreviewed");
    }
    if (e.isTrue(Attr.PRIVATE_FORK_PIPELINES)) {
      if (e.isFalse(Attr.PRIVATE_FORK_APPROVAL_REQUIRED)) {
        reasons.add("workflows from forks of private repositories run without approval");
      }
      if (e.isTrue(Attr.PRIVATE_FORK_SECRETS)) {
        reasons.add("those fork workflows receive secrets");
      }
      if (e.isTrue(Attr.PRIVATE_FORK_WRITE_TOKEN)) {
        reasons.add("those fork workflows get a write token");
      }
    }
    return (e.kind() == EntityKind.ORGANIZATION ? "In organization " : "In repository ")
        + e.name()
        + ", "
        + String.join("; ", reasons)
        + ".";
  }

  @Override
  void evidence(FindingDraft f, Entity e) {
    f.with("approval_policy", e.text(Attr.FORK_APPROVAL_POLICY).orElse(null))
        .with(
            "run_workflows_from_fork_pull_requests",
            e.bool(Attr.PRIVATE_FORK_PIPELINES).orElse(null))
        .with(
            "require_approval_for_fork_pr_workflows",
            e.bool(Attr.PRIVATE_FORK_APPROVAL_REQUIRED).orElse(null))
        .with("send_secrets_and_variables", e.bool(Attr.PRIVATE_FORK_SECRETS).orElse(null))
        .with("send_write_tokens_to_workflows", e.bool(Attr.PRIVATE_FORK_WRITE_TOKEN).orElse(null));
  }
}
