package dev.tenet.app.gui.paths;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.service.GraphService;
import dev.tenet.app.service.PathService;
import dev.tenet.app.service.Workspace;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.Severity;
import dev.tenet.core.paths.PathPolicy;
import dev.tenet.core.rule.RuleSettings;
import dev.tenet.core.rules.StandardRules;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ScanListener;
import dev.tenet.core.scan.ScanService;
import dev.tenet.core.score.Scorer;
import dev.tenet.core.score.ScoringModel;
import dev.tenet.core.testing.GraphConnector;
import dev.tenet.core.testing.PipelineGraph;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attack paths screen on a scanned graph: the engine's cut, steps and blast radius. */
class PathsCutTest {
  @TempDir Path home;
  private Workspace workspace;

  @AfterEach
  void close() {
    if (workspace != null) {
      workspace.close();
    }
  }

  private static TrustGraph forkToProduction() {
    PipelineGraph p = PipelineGraph.org("acme");
    p.organization().set(Attr.MFA_REQUIRED, true).set(Attr.BASE_PERMISSION, "read");
    p.github().member("maya", "owner", true);
    Entity repo = p.repository("web", "public");
    p.github().protectedBranch(repo);
    Entity job = p.job(p.workflow(repo, "preview.yml", "pull_request_target"), "deploy");
    Entity token = p.secret(repo, "REGISTRY_TOKEN");
    p.relate(job, RelationKind.READS_SECRET, token);
    p.relate(token, RelationKind.CAN_WRITE, p.registry("ghcr.io", "acme"));
    p.relate(job, RelationKind.DEPLOYS_TO, p.openEnvironment(repo, "production"));
    return p.graph();
  }

  private PathsViewModel model() throws Exception {
    workspace = new Workspace(home.resolve("tenet.db"));
    return new PathsViewModel(
        workspace,
        new GraphService(workspace),
        PathsViewModel.engine(new PathService(workspace, home.resolve("paths.yaml"))),
        UiExecutor.direct());
  }

  private void scan() throws Exception {
    new ScanService(
            StandardRules.catalog(),
            RuleSettings.defaults(),
            new Scorer(ScoringModel.standard()),
            PathPolicy.standard(),
            workspace.store(),
            Clock.systemUTC())
        .run(
            List.of(new GraphConnector("acme", PathsCutTest::forkToProduction)),
            ScanListener.NONE,
            new Cancellation());
  }

  @Test
  void showsTheCutThePathsAndTheStepsOfTheSelectedOne() throws Exception {
    PathsViewModel model = model();
    model.load();
    assertThat(model.stateProperty().get()).isEqualTo(PathsViewModel.State.EMPTY);

    scan();
    model.load();
    assertThat(model.stateProperty().get()).isEqualTo(PathsViewModel.State.READY);
    assertThat(model.summaryProperty().get())
        .contains("2 attack paths · 1 critical · 1 untrusted entry point · 2 of 4 crown jewels");
    assertThat(model.cutTitleProperty().get()).isEqualTo("One fix closes all 2 paths");
    assertThat(model.fixes()).hasSize(1);
    assertThat(model.fixes().get(0).closes()).isEqualTo(2);
    assertThat(model.paths()).hasSize(2);
    assertThat(model.paths().get(0).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(model.paths().get(0).target()).contains("#environment/production");
    // The first path is selected: its steps are shown, each with what enables it and its fix.
    assertThat(model.steps())
        .extracting(PathsViewModel.StepRow::relation)
        .containsExactly("can-trigger", "contains", "deploys-to");
    assertThat(model.steps().get(0).because()).contains("pull_request_target");
    assertThat(model.steps()).anySatisfy(s -> assertThat(s.fix()).isNotBlank());

    model.select(model.paths().get(1));
    assertThat(model.steps())
        .extracting(PathsViewModel.StepRow::relation)
        .containsExactly("can-trigger", "contains", "reads-secret", "can-write");
  }

  @Test
  void theBlastRadiusOfAnEntityIsTheEnginesWithItsCrownJewels() throws Exception {
    PathsViewModel model = model();
    scan();
    model.load();
    model.select(model.paths().get(1));
    String token = "github:acme/web#secret/REGISTRY_TOKEN";
    model.selectNode(token);
    assertThat(model.nodeProperty().get().name()).isEqualTo("REGISTRY_TOKEN");
    assertThat(model.reach()).hasSize(1);
    assertThat(model.reach().get(0).name()).contains("crown jewel: registry-push");
    assertThat(model.reach().get(0).via()).isEqualTo("can-write");
  }
}
