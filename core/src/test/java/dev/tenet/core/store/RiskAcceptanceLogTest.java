package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AttackPath;
import dev.tenet.core.assessment.Exposure;
import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.assessment.RiskAcceptanceEvent.Action;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskAcceptanceLogTest {
  private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path temp;

  private static RiskAcceptanceEvent accept(String finding, Instant at, Instant expires) {
    return new RiskAcceptanceEvent(
        0,
        finding,
        Action.ACCEPT,
        "WAF blocks it",
        "payments-team",
        expires,
        "lena",
        at,
        "GH-BRANCH-001",
        "github:acme/web#branch/main",
        "Default branch has no protection",
        "a1");
  }

  @Test
  void acceptancesAndRevocationsAreRecordedWithWhoAndWhenAndSurviveReopening() {
    Path db = temp.resolve("tenet.db");
    try (AssessmentStore store = AssessmentStore.open(db)) {
      RiskAcceptanceEvent first =
          store.riskAcceptances().append(accept("f1", T0, T0.plusSeconds(86_400)));
      assertThat(first.seq()).isPositive();
      store
          .riskAcceptances()
          .append(
              new RiskAcceptanceEvent(
                  0,
                  "f1",
                  Action.REVOKE,
                  "fixed instead",
                  null,
                  null,
                  "maya",
                  T0.plusSeconds(600),
                  null,
                  null,
                  null,
                  null));
    }
    try (AssessmentStore store = AssessmentStore.open(db)) {
      List<RiskAcceptanceEvent> events = store.riskAcceptances().events();
      assertThat(events)
          .extracting(RiskAcceptanceEvent::action)
          .containsExactly(Action.ACCEPT, Action.REVOKE);
      RiskAcceptanceEvent accepted = events.get(0);
      assertThat(accepted.actor()).isEqualTo("lena");
      assertThat(accepted.owner()).isEqualTo("payments-team");
      assertThat(accepted.recordedAt()).isEqualTo(T0);
      assertThat(accepted.expiresAt()).isEqualTo(T0.plusSeconds(86_400));
      assertThat(accepted.title()).isEqualTo("Default branch has no protection");
      assertThat(events.get(1).actor()).isEqualTo("maya");
      assertThat(store.riskAcceptances().replay().exemptAt(T0.plusSeconds(60)))
          .containsExactly("f1");
      assertThat(store.riskAcceptances().replay().exemptAt(T0.plusSeconds(700))).isEmpty();
    }
  }

  @Test
  void theLogRefusesChangesAndDeletionsAndIncompleteAcceptances() throws Exception {
    Path db = temp.resolve("tenet.db");
    try (AssessmentStore store = AssessmentStore.open(db)) {
      store.riskAcceptances().append(accept("f1", T0, T0.plusSeconds(60)));
      assertThatThrownBy(
              () ->
                  store
                      .riskAcceptances()
                      .append(
                          new RiskAcceptanceEvent(
                              0,
                              "f2",
                              Action.ACCEPT,
                              "no owner",
                              null,
                              null,
                              "lena",
                              T0,
                              null,
                              null,
                              null,
                              null)))
          .isInstanceOf(StoreException.class);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  st.executeUpdate(
                      "UPDATE risk_acceptance_event SET expires_at = '2099-01-01T00:00:00Z'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM risk_acceptance_event"))
          .hasMessageContaining("append-only");
    }
    try (AssessmentStore store = AssessmentStore.open(db)) {
      assertThat(store.riskAcceptances().events()).hasSize(1);
    }
  }

  @Test
  void attackPathsAndExposureAreStoredWithTheAssessment() {
    TrustGraph graph = Assessments.organization(2).graph();
    Assessment plain = Assessments.of(graph, T0);
    AttackPath path =
        new AttackPath(
            "p1",
            Severity.CRITICAL,
            "internet:anyone",
            "github:acme/web#environment/production",
            List.of(
                new AttackPath.Hop(
                    "internet:anyone",
                    "can-trigger",
                    "github:acme/web#workflow/x",
                    "f9",
                    "anyone can run x",
                    "use pull_request")),
            List.of("f9"));
    Exposure exposure =
        new Exposure(
            3,
            7,
            2,
            4,
            List.of(new Exposure.Fix("f9", true, "github:acme/web#file/x", "t", "do it", 4)),
            true,
            Map.of("f9", 4),
            List.of(
                new Exposure.BlastRadius(
                    "internet:anyone", "internet", 5, Map.of("job", 2), List.of("x"), 1)));
    Assessment a =
        new Assessment(
            plain.id(),
            plain.startedAt(),
            plain.finishedAt(),
            plain.tool(),
            plain.scope(),
            plain.findings(),
            plain.tallies(),
            plain.score(),
            List.of(path),
            plain.coverage(),
            plain.stats(),
            exposure);
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      store.save(a, graph);
      Assessment back = store.load(a.id());
      assertThat(back.attackPaths()).containsExactly(path);
      assertThat(back.exposure()).isEqualTo(exposure);
    }
  }
}
