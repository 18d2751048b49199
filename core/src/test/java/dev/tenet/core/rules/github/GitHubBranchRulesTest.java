package dev.tenet.core.rules.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.model.Finding;
import dev.tenet.core.rule.RuleTally;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubBranchRulesTest {

  @Test
  void unprotectedDefaultBranchFailsProtectedPassesUnreadableIsUnknownArchivedIsSkipped() {
    GitHubGraph g = GitHubGraph.org("a");
    g.defaultBranch(g.repository("open", "public")).set(Attr.PROTECTED, false);
    g.protectedBranch(g.repository("safe", "private"));
    g.defaultBranch(g.repository("hidden", "private"));
    Entity archived = g.repository("old", "private").set(Attr.ARCHIVED, true);
    g.defaultBranch(archived).set(Attr.PROTECTED, false);

    List<Finding> findings = RuleHarness.findings(new DefaultBranchUnprotected(), g.graph());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resource()).isEqualTo("github:a/open#branch/main");
              assertThat(f.message())
                  .contains("'main'")
                  .contains("open")
                  .contains("no active ruleset");
            });
    RuleTally t = RuleHarness.tally(new DefaultBranchUnprotected(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 1);
  }

  @Test
  void reviewsAreJudgedOnlyOnProtectedBranches() {
    GitHubGraph g = GitHubGraph.org("a");
    g.protectedBranch(g.repository("reviewed", "private"));
    g.protectedBranch(g.repository("unreviewed", "private")).set(Attr.REQUIRED_APPROVALS, 0);
    g.defaultBranch(g.repository("open", "private")).set(Attr.PROTECTED, false);
    g.defaultBranch(g.repository("partial", "private")).set(Attr.PROTECTED, true);

    assertThat(RuleHarness.findings(new ReviewNotRequired(), g.graph()))
        .extracting(Finding::resource)
        .containsExactly("github:a/unreviewed#branch/main");
    RuleTally t = RuleHarness.tally(new ReviewNotRequired(), g.graph());
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 1, 1);
  }

  @Test
  void forcePushOrDeletionOnAProtectedBranchFails() {
    GitHubGraph g = GitHubGraph.org("a");
    g.protectedBranch(g.repository("good", "private"));
    g.protectedBranch(g.repository("push", "private")).set(Attr.FORCE_PUSH_ALLOWED, true);
    g.protectedBranch(g.repository("delete", "private")).set(Attr.DELETION_ALLOWED, true);

    List<Finding> findings = RuleHarness.findings(new ForcePushAllowed(), g.graph());
    assertThat(findings)
        .extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("push").contains("allows force pushes"))
        .anySatisfy(m -> assertThat(m).contains("delete").contains("allows deletion"));
    assertThat(findings).hasSize(2);
  }
}
