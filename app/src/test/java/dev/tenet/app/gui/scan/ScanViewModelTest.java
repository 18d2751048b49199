package dev.tenet.app.gui.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.Navigator;
import dev.tenet.app.gui.common.Session;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.scan.ScanViewModel.State;
import dev.tenet.app.gui.scan.ScanViewModel.Step;
import dev.tenet.app.service.Connection;
import dev.tenet.core.credentials.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan from the screen's point of view: choices, progress per connection, outcome. */
class ScanViewModelTest {

  @Test
  void theDemoScanReportsEachConnectionThenStoresAndShowsTheDashboard(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Session session = new Session();
      List<String> went = new ArrayList<>();
      Navigator nav =
          new Navigator() {
            @Override
            public void dashboard() {
              went.add("dashboard");
            }

            @Override
            public void findings(String search) {}

            @Override
            public void attackPaths() {}

            @Override
            public void scan(boolean demo) {}

            @Override
            public void connections() {}

            @Override
            public void settings() {}
          };
      ScanViewModel vm =
          new ScanViewModel(
              context.connections(),
              context.scans(),
              UiExecutor.direct(),
              session,
              nav,
              Clock.systemUTC());
      vm.load();
      assertThat(vm.choices()).hasSize(1);
      assertThat(vm.choices().get(0).isDemo()).isTrue();
      assertThat(vm.choices().get(0).chosenProperty().get()).isTrue();
      assertThat(vm.canStartProperty().get()).isTrue();

      vm.start();
      assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
      assertThat(vm.progress())
          .extracting(p -> p.labelProperty().get())
          .containsExactly(
              "GitHub · acme-corp",
              "GitLab · acme",
              "AWS · acme-prod",
              "Kubernetes · acme-prod-eks",
              "Registry · registry.acme-corp.example");
      assertThat(vm.progress()).allMatch(p -> p.stepProperty().get() == Step.DONE);
      assertThat(vm.progress().get(0).detailProperty().get()).startsWith("31 of 31 repositories");
      assertThat(vm.progress().get(1).detailProperty().get()).startsWith("9 of 9 projects");
      assertThat(vm.blindSpots()).isNotEmpty();
      var latest = context.workspace().latest().orElseThrow();
      assertThat(vm.finishedId()).isEqualTo(latest.id());
      assertThat(vm.outcomeProperty().get())
          .isEqualTo(
              "Assessment stored: score "
                  + latest.score().overall()
                  + ", "
                  + latest.findings().size()
                  + " findings, "
                  + latest.coverage().blindSpots()
                  + (latest.coverage().blindSpots() == 1 ? " blind spot." : " blind spots."));
      assertThat(session.revision()).isEqualTo(1);
      assertThat(went).containsExactly("dashboard");
    }
  }

  @Test
  void savedConnectionsAreChosenAndAFailingOneIsSaidWithoutStoppingTheDemo(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      Connection broken =
          context
              .connections()
              .save(
                  new Connection(null, "github", "http://127.0.0.1:9", "ghost", null),
                  Secret.of("ghp_ScanViewModelToken0123456789abcdefAB"))
              .connection();
      ScanViewModel vm = loaded(context);
      assertThat(vm.choices()).hasSize(2);
      assertThat(vm.choices().get(0).chosenProperty().get()).isFalse();
      assertThat(vm.choices().get(1).connection()).isEqualTo(broken);
      vm.choices().get(0).chosenProperty().set(true);
      vm.start();
      assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
      ScanViewModel.Progress ghost =
          vm.progress().stream()
              .filter(p -> p.labelProperty().get().equals("GitHub · ghost"))
              .findFirst()
              .orElseThrow();
      assertThat(ghost.stepProperty().get()).isEqualTo(Step.FAILED);
      assertThat(ghost.detailProperty().get()).startsWith("Not assessed: ");
      assertThat(vm.blindSpots())
          .anySatisfy(b -> assertThat(b.what()).isEqualTo("the whole github connection"));
    }
  }

  @Test
  void nothingChosenIsSaid(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ScanViewModel vm = loaded(context);
      vm.choices().get(0).chosenProperty().set(false);
      assertThat(vm.canStartProperty().get()).isFalse();
      vm.start();
      assertThat(vm.messageProperty().get()).isEqualTo("Choose at least one connection to scan.");
      assertThat(vm.stateProperty().get()).isEqualTo(State.CHOOSING);
    }
  }

  @Test
  void awsAndClusterExportsAreScannedFromTheConsole(@TempDir Path home) throws Exception {
    Path aws = java.nio.file.Files.createDirectory(home.resolve("aws-export"));
    for (dev.tenet.core.scan.ExportFile f :
        dev.tenet.connectors.emulator.DemoExports.awsAccount(java.time.Instant.now())) {
      java.nio.file.Files.write(
          aws.resolve(f.name().substring(f.name().lastIndexOf('/') + 1)), f.content());
    }
    Path cluster = home.resolve("prod.json");
    java.nio.file.Files.write(
        cluster,
        dev.tenet.connectors.emulator.DemoExports.cluster(java.time.Instant.now())
            .get(0)
            .content());
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      context
          .connections()
          .save(
              new Connection(null, "aws-export", null, null, null, null, List.of(aws.toString())),
              null);
      context
          .connections()
          .save(
              new Connection(
                  null, "k8s-export", null, null, null, null, List.of(cluster.toString())),
              null);
      ScanViewModel vm = loaded(context);
      vm.start();
      assertThat(vm.stateProperty().get()).as(vm.outcomeProperty().get()).isEqualTo(State.DONE);
      var assessment = context.workspace().latest().orElseThrow();
      assertThat(assessment.scope())
          .extracting(e -> e.platform() + ":" + e.target())
          .containsExactlyInAnyOrder("aws:123456789012", "k8s:prod");
      assertThat(assessment.findings())
          .anySatisfy(f -> assertThat(f.resource()).isEqualTo("aws:123456789012#user/tom.baker"));
      assertThat(vm.progress())
          .extracting(p -> p.detailProperty().get())
          .anySatisfy(d -> assertThat(d).startsWith("1 of 1 account"))
          .anySatisfy(d -> assertThat(d).startsWith("1 of 1 cluster"))
          .hasSize(2);
    }
  }

  @Test
  void aRegistryConnectionIsScannedFromTheConsole(@TempDir Path home) throws Exception {
    String token = "registry-console-token-0123456789";
    try (AppContext context = Fixtures.context(home, new MemoryKeychain());
        dev.tenet.connectors.emulator.RegistryEmulator registry =
            dev.tenet.connectors.emulator.RegistryEmulator.start(
                dev.tenet.connectors.emulator.SampleRegistry.fromYaml(
                    """
                    registry:
                      host: unused.example
                      user: ci-reader
                      repositories:
                        - name: acme-corp/payments-api
                          tags:
                            - { tag: v1.0.0, signature: none }
                    """),
                token)) {
      context
          .connections()
          .save(
              new Connection(
                  null, Connection.REGISTRY, registry.url().toString(), "", null, "ci-reader"),
              Secret.of(token));
      ScanViewModel vm = loaded(context);
      vm.start();
      assertThat(vm.stateProperty().get()).as(vm.outcomeProperty().get()).isEqualTo(State.DONE);
      String host = registry.url().getHost() + ":" + registry.url().getPort();
      assertThat(vm.progress())
          .singleElement()
          .satisfies(p -> assertThat(p.labelProperty().get()).isEqualTo("Registry · " + host));
      var assessment = context.workspace().latest().orElseThrow();
      assertThat(assessment.scope())
          .singleElement()
          .satisfies(e -> assertThat(e.platform()).isEqualTo("oci"));
      assertThat(assessment.findings())
          .anySatisfy(
              f ->
                  assertThat(f.resource())
                      .isEqualTo("oci:" + host + "/acme-corp/payments-api#tag/v1.0.0"));
    }
  }

  @Test
  void aRateLimitWaitIsExplainedWhileItLasts(@TempDir Path home) throws Exception {
    String token = "glpat-ScanRateLimit0123456789";
    try (AppContext context = Fixtures.context(home, new MemoryKeychain());
        dev.tenet.connectors.emulator.GitLabEmulator gl =
            dev.tenet.connectors.emulator.GitLabEmulator.start(
                    dev.tenet.connectors.emulator.SampleGroup.demo(), token)
                .rateLimitRemaining(5)) {
      context
          .connections()
          .save(
              new Connection(null, "gitlab", gl.url().toString(), "acme", null), Secret.of(token));
      ScanViewModel vm = loaded(context);
      List<String> waits = new ArrayList<>();
      vm.progress()
          .addListener(
              (javafx.collections.ListChangeListener<ScanViewModel.Progress>)
                  c -> {
                    while (c.next()) {
                      for (ScanViewModel.Progress p : c.getAddedSubList()) {
                        p.waitProperty()
                            .addListener(
                                (o, a, b) -> {
                                  if (!b.isEmpty()) {
                                    waits.add(b);
                                  }
                                });
                      }
                    }
                  });
      vm.start();
      assertThat(vm.stateProperty().get()).as(vm.outcomeProperty().get()).isEqualTo(State.DONE);
      assertThat(waits)
          .isNotEmpty()
          .allSatisfy(
              w ->
                  assertThat(w)
                      .startsWith("Waiting ")
                      .contains("rate limit")
                      .contains("resumes by itself at"));
      // Once it resumed, the wait is no longer shown.
      assertThat(vm.progress()).allMatch(p -> p.waitProperty().get().isEmpty());
    }
  }

  /** The scan screen's model on this context's connections, loaded, without a window. */
  private static ScanViewModel loaded(AppContext context) {
    ScanViewModel vm =
        new ScanViewModel(
            context.connections(),
            context.scans(),
            UiExecutor.direct(),
            new Session(),
            Navigator.NONE,
            Clock.systemUTC());
    vm.load();
    return vm;
  }
}
