package dev.tenet.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.Tenet;
import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.assessment.AssessmentSummary;
import dev.tenet.core.assessment.Coverage;
import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.assessment.ScanStats;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forgetting an organization: nothing of it stays readable in the database files. */
class ForgetTest {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  static final String FORGET = "initech-forgetme";
  static final String KEEP = "globex";

  @TempDir Path temp;

  static TrustGraph graphOf(String org) {
    GitHubGraph g = GitHubGraph.org(org).set(Attr.MFA_REQUIRED, false);
    g.member(org + "-admin", "owner", false);
    g.defaultBranch(g.repository(org + "-payments", "public")).set(Attr.PROTECTED, false);
    return g.graph();
  }

  static Assessment assessment(Instant started, TrustGraph graph, String... orgs) {
    Evaluation e = new RuleEngine(StandardRules.catalog()).evaluate(RuleContext.of(graph, started));
    return new Assessment(
        AssessmentIds.next(started),
        started,
        started.plusSeconds(3),
        Tenet.tool(),
        Stream.of(orgs).map(o -> new ScopeEntry("github", "https://api.github.com", o)).toList(),
        e.findings(),
        e.tallies(),
        new Scorer(ScoringModel.standard()).score(e, Set.of()),
        List.of(),
        new Coverage(graph.entityCount(), graph.relationCount(), 0),
        new ScanStats(1, 0, 3000));
  }

  @Test
  void removesEveryAssessmentOfTheOrganizationAndScrubsTheAuditTrail() throws Exception {
    Path db = temp.resolve("tenet.db");
    Assessment kept;
    try (AssessmentStore store = AssessmentStore.open(db)) {
      TrustGraph forget = graphOf(FORGET);
      store.save(assessment(T0, forget, FORGET), forget);
      TrustGraph both = graphOf(FORGET);
      store.save(assessment(T0.plusSeconds(60), both, FORGET, KEEP), both);
      TrustGraph keep = graphOf(KEEP);
      kept = assessment(T0.plusSeconds(120), keep, KEEP);
      store.save(kept, keep);
      for (String org : List.of(FORGET, KEEP)) {
        store
            .auditLog()
            .record(
                AuditEvent.of(
                    T0,
                    "alice",
                    AuditAction.SCAN_STARTED,
                    "github:" + org,
                    List.of("github:" + org),
                    Map.of("target", org)));
      }
      for (String org : List.of(FORGET, KEEP)) {
        store
            .riskAcceptances()
            .append(
                new RiskAcceptanceEvent(
                    0,
                    "f-" + org,
                    RiskAcceptanceEvent.Action.ACCEPT,
                    "compensating control at " + org,
                    "lena",
                    T0.plusSeconds(86_400),
                    "lena",
                    T0,
                    "GH-BRANCH-001",
                    "github:" + org + "/" + org + "-payments#branch/main",
                    "Default branch of " + org + "-payments has no protection",
                    "a1"));
      }
      assertThat(rawText(db)).contains(FORGET);

      AssessmentStore.Forgotten result = store.forget("github", "INITECH-ForgetMe");

      assertThat(result.riskAcceptances()).isEqualTo(1);
      assertThat(store.riskAcceptances().replay().events())
          .extracting(RiskAcceptanceEvent::findingId)
          .containsExactly("f-" + KEEP);

      assertThat(result.assessments()).hasSize(2);
      assertThat(result.sharedAssessments()).isEqualTo(1);
      assertThat(result.auditEvents()).isEqualTo(1);
      assertThat(store.history()).extracting(AssessmentSummary::id).containsExactly(kept.id());
      assertThat(store.load(kept.id()).findings()).isEqualTo(kept.findings());
      assertThat(store.graph(kept.id())).isPresent();
      List<AuditEvent> events = store.auditLog().events(AuditQuery.all());
      assertThat(events)
          .extracting(AuditEvent::target)
          .containsExactly(AssessmentStore.FORGOTTEN, "github:" + KEEP);
      assertThat(events.get(0).details()).isEmpty();
      assertThat(events.get(0).scopes()).isEmpty();
      assertThat(events.get(1).details()).containsEntry("target", KEEP);
    }
    assertThat(rawText(db)).doesNotContain(FORGET).contains(KEEP);
    // The log's guard is back: nothing else may delete from it.
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> st.executeUpdate("DELETE FROM risk_acceptance_event"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void forgettingAnUnknownOrganizationChangesNothing() {
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      TrustGraph keep = graphOf(KEEP);
      store.save(assessment(T0, keep, KEEP), keep);
      AssessmentStore.Forgotten result = store.forget("github", "nobody");
      assertThat(result.assessments()).isEmpty();
      assertThat(store.history()).hasSize(1);
    }
  }

  /** The database and its write-ahead log, as bytes on disk. */
  private static String rawText(Path db) throws Exception {
    StringBuilder out = new StringBuilder();
    for (Path p : List.of(db, Path.of(db + "-wal"))) {
      if (Files.exists(p)) {
        out.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return out.toString();
  }
}
