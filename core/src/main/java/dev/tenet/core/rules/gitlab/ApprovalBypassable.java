package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Approvals are required, but the project's approval settings let them be sidestepped: authors or
 * committers approve their own work, approvals survive new pushes, or each merge request may edit
 * its own approval rules. Projects that require no approval are left to {@link ReviewNotRequired}.
 */
public final class ApprovalBypassable implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-MR-002",
          "protection-bypassable",
          Severity.MEDIUM,
          "Merge request approvals can be sidestepped",
          "A required approval only means something when someone other than the author gives it"
              + " for the code that is merged: self-approval, approvals kept after new commits and"
              + " per-request rule edits each let unreviewed code through.",
          List.of(
              "In Settings → Merge requests → Approval settings, tick 'Prevent approval by"
                  + " merge request creator', 'Prevent approvals by users who add commits' and"
                  + " 'Prevent editing approval rules in merge requests'.",
              "Under 'When a commit is added', choose 'Remove all approvals'."),
          List.of(GitLab.DOCS + "user/project/merge_requests/approvals/settings/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      Optional<Entity> branch = GitLab.protectedDefaultBranch(context.graph(), project);
      if (branch.isEmpty() || branch.get().number(Attr.REQUIRED_APPROVALS).orElse(0L) < 1) {
        continue;
      }
      if (!project.has(Attr.AUTHOR_CAN_APPROVE)
          && !project.has(Attr.COMMITTERS_CAN_APPROVE)
          && !project.has(Attr.APPROVALS_RESET_ON_PUSH)
          && !project.has(Attr.APPROVERS_OVERRIDABLE)) {
        outcomes.unknown(project.id(), "approval settings could not be read");
        continue;
      }
      List<String> gaps = new ArrayList<>();
      if (project.isTrue(Attr.AUTHOR_CAN_APPROVE)) {
        gaps.add("authors may approve their own merge requests");
      }
      if (project.isTrue(Attr.COMMITTERS_CAN_APPROVE)) {
        gaps.add("users who added commits may approve");
      }
      if (project.isFalse(Attr.APPROVALS_RESET_ON_PUSH)) {
        gaps.add("approvals are kept when new commits are pushed");
      }
      if (project.isTrue(Attr.APPROVERS_OVERRIDABLE)) {
        gaps.add("each merge request may edit its approval rules");
      }
      if (gaps.isEmpty()) {
        outcomes.pass(project.id());
        continue;
      }
      FindingDraft f =
          outcomes
              .fail(
                  project.id(),
                  "Approvals of "
                      + project.name()
                      + " can be sidestepped: "
                      + String.join("; ", gaps)
                      + ".")
              .with("gaps", gaps)
              .with(
                  "merge_requests_author_approval",
                  project.bool(Attr.AUTHOR_CAN_APPROVE).orElse(null))
              .with(
                  "merge_requests_disable_committers_approval",
                  project.bool(Attr.COMMITTERS_CAN_APPROVE).map(b -> !b).orElse(null))
              .with(
                  "reset_approvals_on_push",
                  project.bool(Attr.APPROVALS_RESET_ON_PUSH).orElse(null))
              .with(
                  "disable_overriding_approvers_per_merge_request",
                  project.bool(Attr.APPROVERS_OVERRIDABLE).map(b -> !b).orElse(null));
      if (project.isTrue(Attr.AUTHOR_CAN_APPROVE) || project.isTrue(Attr.APPROVERS_OVERRIDABLE)) {
        f.severity(Severity.HIGH);
      }
    }
  }
}
