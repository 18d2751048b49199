package dev.tenet.app.gui;

import dev.tenet.app.AppContext;
import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.Severity;
import dev.tenet.core.rule.Evaluation;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleEngine;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.AssessmentIds;
import dev.tenet.core.store.DataPaths;
import dev.tenet.core.store.credentials.PassphraseSource;
import dev.tenet.core.testing.GitHubGraph;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Console test material: a context on a temporary data folder with a keychain in memory, and real
 * assessments (real rules, real scoring) of small hand-built organizations, one of them with an
 * attack path drawn by hand over its stored graph.
 */
public final class Fixtures {
  private Fixtures() {}

  public static AppContext context(Path home, MemoryKeychain keychain) {
    return new AppContext(
        new DataPaths(home),
        home.resolve("tenet.db"),
        Map.of(),
        Clock.systemUTC(),
        keychain,
        PassphraseSource.environment(Map.of()));
  }

  /** The organization "acme": {@code unprotected} repositories without branch protection. */
  public static TrustGraph organization(int unprotected) {
    GitHubGraph g =
        GitHubGraph.org("acme").set(Attr.MFA_REQUIRED, false).set(Attr.BASE_PERMISSION, "write");
    g.member("alice", "owner", true);
    Entity bob = g.member("bob", "member", false);
    for (int i = 0; i < unprotected; i++) {
      g.defaultBranch(g.repository("repo-" + i, i % 2 == 0 ? "public" : "private"))
          .set(Attr.PROTECTED, false);
    }
    g.protectedBranch(g.repository("safe", "private"));
    Entity deploy = g.repository("deploy", "private");
    g.defaultBranch(deploy).set(Attr.PROTECTED, false);
    TrustGraph t = g.graph();
    Entity workflow =
        t.entity(
            ResourceId.part(deploy.id(), "workflow", "release.yml"),
            EntityKind.WORKFLOW,
            "release.yml",
            "github");
    Entity production =
        t.entity(
            ResourceId.part(deploy.id(), "environment", "production"),
            EntityKind.ENVIRONMENT,
            "production",
            "github");
    Entity secret =
        t.entity(
            ResourceId.part(deploy.id(), "secret", "PROD_DEPLOY_KEY"),
            EntityKind.SECRET,
            "PROD_DEPLOY_KEY",
            "github");
    t.relate(deploy, RelationKind.CONTAINS, workflow, "github");
    t.relate(deploy, RelationKind.CONTAINS, production, "github");
    t.relate(deploy, RelationKind.CONTAINS, secret, "github");
    t.relate(bob, RelationKind.CAN_WRITE, deploy, "github");
    t.relate(workflow, RelationKind.READS_SECRET, secret, "github");
    t.relate(workflow, RelationKind.DEPLOYS_TO, production, "github");
    return t;
  }

  /**
   * Judges and stores an assessment of {@link #organization}; with the hand-built path if asked.
   */
  public static Assessment store(
      AppContext context, Instant started, int unprotected, boolean withPath) {
    TrustGraph graph = organization(unprotected);
    Evaluation e = new RuleEngine(StandardRules.catalog()).evaluate(RuleContext.of(graph, started));
    List<AttackPath> paths = withPath ? List.of(path(e.findings())) : List.of();
    Assessment a =
        new Assessment(
            AssessmentIds.next(started),
            started,
            started.plusSeconds(3),
            Tenet.tool(),
            List.of(new ScopeEntry("github", "https://api.github.com", "acme")),
            e.findings(),
            e.tallies(),
            new Scorer(ScoringModel.standard()).score(e, Set.of()),
            paths,
            new Coverage(graph.entityCount(), graph.relationCount(), 0),
            new ScanStats(42, 7, 3000));
    context.workspace().store().save(a, graph);
    return a;
  }

  public static final String BOB = "github:acme#member/bob";
  public static final String DEPLOY = "github:acme/deploy";
  public static final String WORKFLOW = "github:acme/deploy#workflow/release.yml";
  public static final String PRODUCTION = "github:acme/deploy#environment/production";

  /** Bob, a member without two-factor authentication, reaches production through a workflow. */
  static AttackPath path(List<Finding> findings) {
    String mfa =
        findings.stream()
            .filter(f -> f.resource().equals(BOB))
            .map(Finding::id)
            .findFirst()
            .orElse("member without two-factor authentication");
    return new AttackPath(
        "path-bob-production",
        Severity.CRITICAL,
        BOB,
        PRODUCTION,
        List.of(
            new AttackPath.Hop(BOB, "can-write", DEPLOY, mfa),
            new AttackPath.Hop(DEPLOY, "contains", WORKFLOW, "the release workflow is in deploy"),
            new AttackPath.Hop(WORKFLOW, "deploys-to", PRODUCTION, "release.yml deploys on push")),
        List.of(mfa));
  }
}
