package dev.tenet.core.store;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.testing.GitHubGraph;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Real assessments (real rules, real scoring) of hand-built organizations, for store tests. */
final class Assessments {
  private Assessments() {}

  static GitHubGraph organization(int unprotectedRepos) {
    GitHubGraph g =
        GitHubGraph.org("acme").set(Attr.MFA_REQUIRED, false).set(Attr.BASE_PERMISSION, "write");
    g.member("alice", "owner", true);
    g.member("bob", "member", false);
    for (int i = 0; i < unprotectedRepos; i++) {
      g.defaultBranch(g.repository("repo-" + i, i % 2 == 0 ? "public" : "private"))
          .set(Attr.PROTECTED, false);
    }
    g.protectedBranch(g.repository("safe", "private"));
    return g;
  }

  static Assessment of(TrustGraph graph, Instant started) {
    Evaluation e = new RuleEngine(StandardRules.catalog()).evaluate(RuleContext.of(graph, started));
    return new Assessment(
        AssessmentIds.next(started),
        started,
        started.plusSeconds(3),
        Tenet.tool(),
        List.of(new ScopeEntry("github", "https://api.github.com", "acme")),
        e.findings(),
        e.tallies(),
        new Scorer(ScoringModel.standard()).score(e, Set.of()),
        List.of(),
        new Coverage(graph.entityCount(), graph.relationCount(), 0),
        new ScanStats(42, 7, 3000));
  }
}
