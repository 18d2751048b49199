package dev.tenet.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.Location;
import dev.tenet.core.model.Severity;
import dev.tenet.core.model.WeaknessCatalog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  private static final RuleMetadata META =
      new RuleMetadata(
          "T-1",
          "branch-unprotected",
          Severity.HIGH,
          "Title",
          "Why",
          List.of("Fix it"),
          List.of("r"));

  private static Evaluation run(Rule... rules) {
    return new RuleEngine(new RuleCatalog(WeaknessCatalog.standard(), List.of(rules)))
        .evaluate(RuleContext.of(new TrustGraph(), Instant.EPOCH));
  }

  private static Rule rule(RuleMetadata m, java.util.function.Consumer<Outcomes> body) {
    return new Rule() {
      @Override
      public RuleMetadata metadata() {
        return m;
      }

      @Override
      public void evaluate(RuleContext context, Outcomes outcomes) {
        body.accept(outcomes);
      }
    };
  }

  @Test
  void turnsFailuresIntoFindingsWithStableIdsAndTalliesOutcomes() {
    Evaluation e =
        run(
            rule(
                META,
                o -> {
                  o.pass("github:a/x");
                  o.fail("github:a/y", "y is bad").with("k", 1);
                  o.fail("github:a/z", "z is worse").severity(Severity.CRITICAL);
                  o.unknown("github:a/w", "no permission");
                }));

    assertThat(e.findings()).hasSize(2);
    Finding y = e.findings().get(0);
    assertThat(y.ruleId()).isEqualTo("T-1");
    assertThat(y.weakness().id()).isEqualTo("branch-unprotected");
    assertThat(y.severity()).isEqualTo(Severity.HIGH);
    assertThat(y.evidence()).containsEntry("k", 1);
    assertThat(y.remediation()).containsExactly("Fix it");
    assertThat(e.findings().get(1).severity()).isEqualTo(Severity.CRITICAL);
    RuleTally t = e.tallies().get(0);
    assertThat(List.of(t.passed(), t.failed(), t.unknown())).containsExactly(1, 2, 1);

    // Same rule, same resource: same id in another run.
    assertThat(run(rule(META, o -> o.fail("github:a/y", "other words"))).findings().get(0).id())
        .isEqualTo(y.id());
  }

  @Test
  void locationsAndAnchorsDistinguishFindingsOnOneResource() {
    Evaluation e =
        run(
            rule(
                META,
                o -> {
                  o.fail("github:a/y", "one").at(Location.of("ci.yml", 3));
                  o.fail("github:a/y", "two").at(Location.of("ci.yml", 9));
                  o.fail("github:a/y", "three").anchor("x");
                  o.fail("github:a/y", "three again").anchor("x");
                }));
    assertThat(e.findings()).extracting(Finding::message).containsExactly("one", "two", "three");
  }

  @Test
  void aCrashingRuleBecomesACoverageGapAndOthersStillRun() {
    RuleMetadata other =
        new RuleMetadata(
            "T-2", "review-not-required", Severity.LOW, "t", "r", List.of("f"), List.of("r"));
    Evaluation e =
        run(
            rule(
                META,
                o -> {
                  throw new IllegalStateException("boom");
                }),
            rule(other, o -> o.fail("github:a/q", "q")));

    assertThat(e.findings())
        .extracting(f -> f.weakness().id())
        .containsExactly("coverage-gap", "review-not-required");
    assertThat(e.findings().get(0).message()).contains("T-1").contains("could not be evaluated");
    assertThat(e.tallies()).extracting(RuleTally::ruleId).containsExactly("T-2");
  }

  @Test
  void masksSecretsRulesQuoteBeforeTheyBecomeFindings() {
    Evaluation e =
        run(
            rule(
                META,
                o ->
                    o.fail(
                            "github:a/y#file/ci.yml",
                            "ci.yml sets DEPLOY_PASSWORD=hunter2hunter2 in plain text")
                        .with("line", "DEPLOY_PASSWORD=hunter2hunter2")
                        .with("deploy_password", "hunter2hunter2")
                        .with("variable", "DEPLOY_PASSWORD")));

    Finding f = e.findings().get(0);
    assertThat(f.message()).isEqualTo("ci.yml sets DEPLOY_PASSWORD=[redacted] in plain text");
    assertThat(f.evidence())
        .containsEntry("line", "DEPLOY_PASSWORD=[redacted]")
        .containsEntry("deploy_password", "[redacted]")
        .containsEntry("variable", "DEPLOY_PASSWORD");
    assertThat(f.toString()).doesNotContain("hunter2");
  }
}
