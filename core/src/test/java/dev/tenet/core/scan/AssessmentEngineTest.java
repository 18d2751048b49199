package dev.tenet.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.testing.GitHubGraph;
import dev.tenet.core.testing.PipelineGraph;
import dev.tenet.core.testing.RuleHarness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules, attack paths and scores together, as a scan judges them. */
class AssessmentEngineTest {
  private final AssessmentEngine engine =
      new AssessmentEngine(
          StandardRules.catalog(),
          RuleSettings.defaults(),
          new Scorer(ScoringModel.standard()),
          PathPolicy.standard());

  private AssessmentEngine.Judgement judge(GitHubGraph g) {
    return engine.judge(g.graph(), List.of(), List.of(), RuleHarness.NOW, Set.of());
  }

  /** A public repository whose pull_request_target workflow deploys to production. */
  private static PipelineGraph forkToProduction() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.MFA_REQUIRED, true).set(Attr.BASE_PERMISSION, "read");
    p.github().member("owner", "owner", true);
    Entity repo = p.repository("web", "public");
    p.github().protectedBranch(repo);
    Entity job = p.job(p.workflow(repo, "preview.yml", "pull_request_target"), "deploy");
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    return p;
  }

  @Test
  void theScoreRisesWhenAPathIsCut() {
    PipelineGraph p = forkToProduction();
    AssessmentEngine.Judgement open = judge(p.github());
    assertThat(open.paths().paths()).hasSize(1);
    assertThat(open.evaluation().findings()).extracting(Finding::ruleId).contains("TENET-PATH-001");

    p.graph()
        .get("github:acme/web#environment/production")
        .set("requiredReviewers", List.of("team:release"));
    AssessmentEngine.Judgement cut = judge(p.github());
    assertThat(cut.paths().paths()).isEmpty();
    assertThat(cut.evaluation().findings())
        .extracting(Finding::ruleId)
        .doesNotContain("TENET-PATH-001");
    assertThat(cut.score().pillar(Pillar.SEGMENTATION).score())
        .isGreaterThan(open.score().pillar(Pillar.SEGMENTATION).score());
    assertThat(cut.score().overall()).isGreaterThan(open.score().overall());
  }

  @Test
  void theSameFindingWeighsMoreWhenItOpensAPath() {
    // Base permission write is a finding either way; only with an unprotected branch to reach
    // (and a member without 2FA to start from) is it on an attack path.
    GitHubGraph exposed = GitHubGraph.org("a").set(Attr.MFA_REQUIRED, true);
    GitHubGraph contained = GitHubGraph.org("a").set(Attr.MFA_REQUIRED, true);
    for (GitHubGraph g : List.of(exposed, contained)) {
      g.set(Attr.BASE_PERMISSION, "write");
      g.member("owner", "owner", true);
      g.member("omar", "member", false);
    }
    exposed.defaultBranch(exposed.repository("web", "private")).set(Attr.PROTECTED, false);
    contained.protectedBranch(contained.repository("web", "private"));

    AssessmentEngine.Judgement onPath = judge(exposed);
    AssessmentEngine.Judgement offPath = judge(contained);
    Finding base =
        onPath.evaluation().findings().stream()
            .filter(f -> f.ruleId().equals("GH-ORG-002"))
            .findFirst()
            .orElseThrow();
    assertThat(onPath.paths().exposure().findingPaths()).containsKey(base.id());
    assertThat(offPath.paths().exposure().findingPaths()).doesNotContainKey(base.id());
    assertThat(onPath.score().pillar(Pillar.LEAST_PRIVILEGE).score())
        .isLessThan(offPath.score().pillar(Pillar.LEAST_PRIVILEGE).score());
    assertThat(
            onPath.score().pillar(Pillar.LEAST_PRIVILEGE).deductions().stream()
                .filter(d -> base.id().equals(d.findingId()))
                .findFirst()
                .orElseThrow()
                .reason())
        .contains("attack path");
  }

  @Test
  void acceptedFindingsStayFoundButStopCounting() {
    PipelineGraph p = forkToProduction();
    AssessmentEngine.Judgement open = judge(p.github());
    Finding path =
        open.evaluation().findings().stream()
            .filter(f -> f.ruleId().equals("TENET-PATH-001"))
            .findFirst()
            .orElseThrow();
    AssessmentEngine.Judgement accepted =
        engine.judge(p.graph(), List.of(), List.of(), RuleHarness.NOW, Set.of(path.id()));
    assertThat(accepted.evaluation().findings()).contains(path);
    assertThat(accepted.score().pillar(Pillar.SEGMENTATION).score())
        .isGreaterThan(open.score().pillar(Pillar.SEGMENTATION).score());
  }
}
