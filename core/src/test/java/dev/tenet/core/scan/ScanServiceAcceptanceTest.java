package dev.tenet.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Pillar;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Deduction;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.AssessmentStore;
import dev.tenet.core.testing.GraphConnector;
import dev.tenet.core.testing.PipelineGraph;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans store attack paths, and apply risk acceptances until they expire or are revoked. */
class ScanServiceAcceptanceTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path temp;

  /** A public repository whose pull_request_target workflow deploys to production. */
  private static TrustGraph graph() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.MFA_REQUIRED, true).set(Attr.BASE_PERMISSION, "read");
    p.github().member("owner", "owner", true);
    Entity repo = p.repository("web", "public");
    p.github().protectedBranch(repo);
    Entity job = p.job(p.workflow(repo, "preview.yml", "pull_request_target"), "deploy");
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    return p.graph();
  }

  private Assessment scan(AssessmentStore store, Instant at) throws Exception {
    ScanService service =
        new ScanService(
            StandardRules.catalog(),
            RuleSettings.defaults(),
            new Scorer(ScoringModel.standard()),
            PathPolicy.standard(),
            store,
            Clock.fixed(at, ZoneOffset.UTC));
    return service.run(
        List.of(new GraphConnector("acme", ScanServiceAcceptanceTest::graph)),
        ScanListener.NONE,
        new Cancellation());
  }

  private static Finding pathFinding(Assessment a) {
    return a.findings().stream()
        .filter(f -> f.ruleId().equals("TENET-PATH-001"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aScanStoresItsAttackPathsAndExposure() throws Exception {
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      Assessment a = scan(store, T0);
      Assessment back = store.load(a.id());
      assertThat(back.attackPaths()).hasSize(1);
      AttackPath p = back.attackPaths().get(0);
      assertThat(p.entryPoint()).isEqualTo("internet");
      assertThat(p.crownJewel()).isEqualTo("production-environment");
      assertThat(back.exposure().cut()).hasSize(1);
      assertThat(back.exposure().reachableJewels()).isEqualTo(1);
      assertThat(back.score().model()).isEqualTo("tenet-score/2");
    }
  }

  @Test
  void anAcceptedFindingStopsCountingUntilItExpiresAndAgainOnceRevoked() throws Exception {
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      Assessment before = scan(store, T0);
      Finding path = pathFinding(before);
      int segmentation = before.score().pillar(Pillar.SEGMENTATION).score();

      store
          .riskAcceptances()
          .append(
              new RiskAcceptanceEvent(
                  0,
                  path.id(),
                  RiskAcceptanceEvent.Action.ACCEPT,
                  "preview deploys are fake",
                  "web-team",
                  T0.plusSeconds(86_400),
                  "lena",
                  T0.plusSeconds(60),
                  path.ruleId(),
                  path.resource(),
                  path.title(),
                  before.id()));

      Assessment accepted = scan(store, T0.plusSeconds(3600));
      assertThat(accepted.findings()).contains(path); // still visible
      assertThat(accepted.score().pillar(Pillar.SEGMENTATION).score()).isGreaterThan(segmentation);
      Deduction d =
          accepted.score().pillar(Pillar.SEGMENTATION).deductions().stream()
              .filter(x -> path.id().equals(x.findingId()))
              .findFirst()
              .orElseThrow();
      assertThat(d.points()).isZero();
      assertThat(d.reason()).startsWith("accepted risk");

      Assessment expired = scan(store, T0.plusSeconds(2 * 86_400));
      assertThat(expired.score().pillar(Pillar.SEGMENTATION).score()).isEqualTo(segmentation);

      store
          .riskAcceptances()
          .append(
              new RiskAcceptanceEvent(
                  0,
                  path.id(),
                  RiskAcceptanceEvent.Action.ACCEPT,
                  "again",
                  "web-team",
                  T0.plusSeconds(10 * 86_400),
                  "lena",
                  T0.plusSeconds(3 * 86_400),
                  null,
                  null,
                  null,
                  null));
      store
          .riskAcceptances()
          .append(
              new RiskAcceptanceEvent(
                  0,
                  path.id(),
                  RiskAcceptanceEvent.Action.REVOKE,
                  "fixed the workflow instead",
                  null,
                  null,
                  "maya",
                  T0.plusSeconds(4 * 86_400),
                  null,
                  null,
                  null,
                  null));
      Assessment between = scan(store, T0.plusSeconds(3 * 86_400 + 60));
      Assessment revoked = scan(store, T0.plusSeconds(5 * 86_400));
      assertThat(between.score().pillar(Pillar.SEGMENTATION).score()).isGreaterThan(segmentation);
      assertThat(revoked.score().pillar(Pillar.SEGMENTATION).score()).isEqualTo(segmentation);
    }
  }
}
