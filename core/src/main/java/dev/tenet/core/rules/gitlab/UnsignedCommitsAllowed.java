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

/** The project's push rules accept unsigned commits on its protected default branch. */
public final class UnsignedCommitsAllowed implements Rule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "GL-PUSH-001",
          "unsigned-commits-allowed",
          Severity.LOW,
          "Unsigned commits are accepted",
          "Git author names are free text: without signatures nothing shows that a commit comes"
              + " from the person it names, so a stolen token can push commits that look like"
              + " anyone's.",
          List.of(
              "In Settings → Repository → Push rules, tick 'Reject unsigned commits' (GitLab"
                  + " Premium).",
              "Ask committers to sign with SSH, GPG or X.509 keys registered in their GitLab"
                  + " profile first."),
          List.of(GitLab.DOCS + "user/project/repository/push_rules/#reject-unsigned-commits"));

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
      if (b.isFalse(Attr.SIGNED_COMMITS_REQUIRED)) {
        outcomes
            .fail(
                b.id(),
                "Project " + project.name() + " accepts unsigned commits on '" + b.name() + "'.")
            .with("reject_unsigned_commits", false);
      } else if (b.isTrue(Attr.SIGNED_COMMITS_REQUIRED)) {
        outcomes.pass(b.id());
      } else {
        outcomes.unknown(b.id(), "push rules could not be read (GitLab Premium feature)");
      }
    }
  }
}
