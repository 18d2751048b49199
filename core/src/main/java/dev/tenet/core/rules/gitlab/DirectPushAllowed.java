package dev.tenet.core.rules.gitlab;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Someone may push straight to the protected default branch, past merge requests, approvals and
 * pipelines. GitLab's default ("Maintainers") is such a bypass; "No one" is not.
 */
public final class DirectPushAllowed implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-BRANCH-003",
          "protection-bypassable",
          Severity.MEDIUM,
          "Direct pushes to the protected default branch bypass merge requests",
          "A direct push skips every merge request check: approvals, code owners and the"
              + " pipeline. Whoever may push (or takes over such an account or key) can change"
              + " released code unreviewed.",
          List.of(
              "In Settings → Repository → Protected branches, set 'Allowed to push and merge' of"
                  + " the default branch to 'No one'.",
              "Let changes in through merge requests only; give a user or deploy key push access"
                  + " for a limited time when an emergency needs it."),
          List.of(GitLab.DOCS + "user/project/repository/branches/protected/"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void evaluate(RuleContext context, Outcomes outcomes) {
    for (Entity project : GitLab.projects(context.graph())) {
      Optional<Entity> branch = GitLab.protectedDefaultBranch(context.graph(), project);
      if (branch.isEmpty()) {
        continue;
      }
      Entity b = branch.get();
      if (!b.has(Attr.PUSH_ACCESS)) {
        outcomes.unknown(b.id(), "push access of the protected branch could not be read");
        continue;
      }
      List<String> pushers =
          b.list(Attr.PUSH_ACCESS).stream()
              .filter(p -> !p.equals("no one") && !p.equals("admin"))
              .toList();
      if (pushers.isEmpty()) {
        outcomes.pass(b.id());
        continue;
      }
      boolean developers = pushers.contains("developer");
      outcomes
          .fail(
              b.id(),
              "Protected default branch '"
                  + b.name()
                  + "' of "
                  + project.name()
                  + " accepts direct pushes from "
                  + String.join(", ", pushers)
                  + ".")
          .with("allowed_to_push", pushers)
          .with("protection", b.list(Attr.PROTECTION_SOURCES))
          .severity(developers ? Severity.HIGH : Severity.MEDIUM);
    }
  }
}
