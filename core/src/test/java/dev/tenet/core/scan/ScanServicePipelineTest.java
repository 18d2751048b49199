package dev.tenet.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.core.assessment.Assessment;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Finding;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.model.SourceFile;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.store.AssessmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan turns the workflow files a connector hands over into graph facts and findings. */
class ScanServicePipelineTest {
  @TempDir Path temp;

  static final class FilesConnector implements Connector {
    @Override
    public ScopeEntry scope() {
      return new ScopeEntry("github", "https://api.github.com", "acme");
    }

    @Override
    public void collect(CollectContext context) {
      context
          .graph()
          .entity("github:acme/web", EntityKind.REPOSITORY, "acme/web", "github")
          .set(Attr.VISIBILITY, "public");
      context.source(
          new SourceFile(
              "github:acme/web",
              ".github/workflows/triage.yml",
              "on: issues\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                  + "      - run: echo \"${{ github.event.issue.title }}\"\n"));
      context.source(new SourceFile("github:acme/web", ".github/workflows/bad.yml", "on: [x\n"));
    }
  }

  @Test
  void pipelineFactsAndFindingsLandInTheStoredAssessment() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    try (AssessmentStore store = AssessmentStore.open(temp.resolve("tenet.db"))) {
      ScanService scans =
          new ScanService(
              StandardRules.catalog(),
              RuleSettings.defaults(),
              new Scorer(ScoringModel.standard()),
              store,
              clock);
      Assessment a =
          scans.run(List.of(new FilesConnector()), ScanListener.NONE, new Cancellation());
      assertThat(a.findings())
          .filteredOn(f -> f.weakness().id().equals("script-injection"))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.resource())
                    .isEqualTo("github:acme/web#file/.github/workflows/triage.yml");
                assertThat(f.location().line()).isEqualTo(7);
                assertThat(f.severity().id()).isEqualTo("critical");
              });
      assertThat(a.findings())
          .filteredOn(f -> f.weakness().id().equals("coverage-gap"))
          .extracting(Finding::resource)
          .contains("github:acme/web#file/.github/workflows/bad.yml");
      TrustGraph g = store.graph(a.id()).orElseThrow();
      var wf = g.get("github:acme/web#file/.github/workflows/triage.yml");
      assertThat(g.sources(wf, RelationKind.CAN_TRIGGER))
          .extracting(e -> e.id())
          .contains("internet:anyone");
    }
  }
}
