package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import dev.tenet.core.credentials.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved connections: persisted without secrets, tokens in the keychain bound to their host. */
class ConnectionServiceTest {
  static final String TOKEN = "ghp_ConnServiceToken0123456789abcdefABCD";

  @Test
  void savesTheConnectionWithoutItsTokenAndTheTokenInTheKeychain(@TempDir Path home)
      throws Exception {
    MemoryKeychain keychain = new MemoryKeychain();
    try (AppContext context = Fixtures.context(home, keychain)) {
      ConnectionService service = context.connections();
      ConnectionService.Saved saved =
          service.save(
              new Connection(null, "github", "https://api.github.com/", " acme-corp ", null),
              Secret.of(TOKEN));
      Connection c = saved.connection();
      assertThat(c.id()).startsWith("c-");
      assertThat(c.baseUrl()).isEqualTo("https://api.github.com");
      assertThat(c.target()).isEqualTo("acme-corp");
      assertThat(c.credential()).isEqualTo("keychain:tenet-github-acme-corp");
      assertThat(keychain.holds("tenet-github-acme-corp")).isTrue();
      String file = Files.readString(home.resolve("connections.json"));
      assertThat(file).contains("acme-corp").doesNotContain(TOKEN).doesNotContain("ghp_");
      assertThat(context.credentials().list())
          .singleElement()
          .satisfies(s -> assertThat(s.host()).isEqualTo("api.github.com"));
    }
    // Another run of Tenet reads the same list.
    try (AppContext again = Fixtures.context(home, keychain)) {
      assertThat(again.connections().list())
          .extracting(Connection::label)
          .containsExactly("GitHub · acme-corp");
    }
  }

  @Test
  void aRegistryIsSavedByItsAddressWithItsTokenBoundToItsHostAndScannedAsARegistry(
      @TempDir Path home) throws Exception {
    MemoryKeychain keychain = new MemoryKeychain();
    try (AppContext context = Fixtures.context(home, keychain)) {
      ConnectionService s = context.connections();
      Connection harbor =
          s.save(
                  new Connection(
                      null,
                      Connection.REGISTRY,
                      "https://harbor.acme.example/payments/",
                      "",
                      null,
                      " ci-reader "),
                  Secret.of("harbor-robot-token-0123456789"))
              .connection();
      assertThat(harbor.label()).isEqualTo("Registry · harbor.acme.example/payments");
      assertThat(harbor.user()).isEqualTo("ci-reader");
      assertThat(harbor.credential())
          .isEqualTo("keychain:tenet-registry-harbor.acme.example-payments");
      assertThat(context.credentials().list())
          .singleElement()
          .satisfies(c -> assertThat(c.host()).isEqualTo("harbor.acme.example"));
      // A plain OCI registry may be read anonymously.
      Connection open =
          s.save(
                  new Connection(
                      null, Connection.REGISTRY, "https://registry.acme.example", "", null, null),
                  null)
              .connection();
      assertThat(open.credential()).isNull();

      ScanPlan plan = s.plan(List.of(harbor.id(), open.id()), false);
      assertThat(plan.connections()).isEmpty();
      assertThat(plan.registries())
          .containsExactly(
              new RegistrySpec(
                  "https://harbor.acme.example/payments",
                  null,
                  "keychain:tenet-registry-harbor.acme.example-payments",
                  "ci-reader"),
              new RegistrySpec("https://registry.acme.example", null, null, null));
      assertThat(Files.readString(home.resolve("connections.json")))
          .contains("\"user\" : \"ci-reader\"")
          .doesNotContain("harbor-robot-token");
      assertThatThrownBy(() -> s.test(harbor))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("choose it on the Scan screen");

      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(
                          null, Connection.REGISTRY, "https://hub.docker.com/acme", "", null, null),
                      null))
          .hasMessage(
              "Paste a read-only token for Docker Hub (Tenet keeps it in the OS keychain"
                  + " or its encrypted vault).");
      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(
                          null, Connection.REGISTRY, "https://other.acme.example", "", null, ""),
                      Secret.of("some-registry-token-0123456789")))
          .hasMessage("Name the user this registry token belongs to.");
      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(
                          null,
                          Connection.REGISTRY,
                          "https://harbor.acme.example/payments",
                          "",
                          null,
                          null),
                      null))
          .hasMessageContaining("There is a connection to Registry · harbor.acme.example/payments");
    }
  }

  @Test
  void awsAndKubernetesAreSavedLiveOrFromFilesWithoutAnyCredential(@TempDir Path home)
      throws Exception {
    Path export = Files.createDirectory(home.resolve("aws-export"));
    Path kubeconfig = Files.writeString(home.resolve("kubeconfig"), "apiVersion: v1\n");
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionService s = context.connections();
      Connection profile =
          s.save(new Connection(null, "aws", null, "", null, null, List.of()), null).connection();
      assertThat(profile.label()).isEqualTo("AWS · profile default");
      Connection files =
          s.save(
                  new Connection(
                      null, "aws-export", null, null, null, null, List.of(export.toString())),
                  null)
              .connection();
      assertThat(files.label()).isEqualTo("AWS · aws-export");
      Connection cluster =
          s.save(
                  new Connection(
                      null, "k8s", null, "prod", null, null, List.of(kubeconfig.toString())),
                  null)
              .connection();
      assertThat(cluster.label()).isEqualTo("Kubernetes · prod");
      assertThat(context.credentials().list()).isEmpty();

      ScanPlan plan = s.plan(List.of(profile.id(), files.id(), cluster.id()), false);
      assertThat(plan.connections())
          .containsExactly(
              new ConnectionSpec("aws", null, "default", null, List.of()),
              new ConnectionSpec("aws-export", null, null, null, List.of(export)),
              new ConnectionSpec("k8s", null, "prod", null, List.of(kubeconfig)));
      // The list survives a restart, files included.
      assertThat(s.list()).containsExactly(profile, files, cluster);
      assertThatThrownBy(() -> s.test(cluster))
          .hasMessageContaining("Tenet reads Kubernetes connections when it scans them");

      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(
                          null,
                          "k8s-export",
                          null,
                          null,
                          null,
                          null,
                          List.of(home.resolve("nope.json").toString())),
                      null))
          .hasMessage("There is no file or folder " + home.resolve("nope.json") + ".");
      assertThatThrownBy(
              () -> s.save(new Connection(null, "aws-export", null, null, null, null, null), null))
          .hasMessageStartingWith("Choose the IAM export");
      assertThatThrownBy(
              () -> s.save(new Connection(null, "aws", null, "prod team", null, null, null), null))
          .hasMessage("'prod team' is not an AWS profile name.");
    }
  }

  @Test
  void refusesWhatCannotBeScannedWithOneSentenceEach(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionService s = context.connections();
      assertThatThrownBy(() -> s.save(new Connection(null, "github", "", "", null), null))
          .isInstanceOf(UserError.class)
          .hasMessage("Name the GitHub organization to assess, e.g. acme-corp.");
      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(null, "github", "http://ghe.example.com", "acme", null),
                      Secret.of(TOKEN)))
          .isInstanceOf(UserError.class)
          .hasMessageContaining("HTTPS only");
      assertThatThrownBy(() -> s.save(new Connection(null, "github", "", "acme", null), null))
          .isInstanceOf(UserError.class)
          .hasMessageStartingWith("Paste a read-only token for GitHub");
      assertThatThrownBy(() -> s.save(new Connection(null, "github", "", "acme/corp", null), null))
          .hasMessageContaining("not a GitHub organization name");
      s.save(new Connection(null, "gitlab", "", "acme/platform", "env:GITLAB_TOKEN"), null);
      assertThatThrownBy(
              () ->
                  s.save(
                      new Connection(null, "gitlab", "https://gitlab.com", "ACME/platform", null),
                      Secret.of("glpat-abcdefghijklmnopqrst")))
          .hasMessage("There is a connection to GitLab · acme/platform already: edit that one.");
      assertThat(s.list()).hasSize(1);
    }
  }

  @Test
  void aTokenStaysBoundToItsHostWhenTheAddressChanges(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionService s = context.connections();
      Connection c =
          s.save(new Connection(null, "github", "", "acme", null), Secret.of(TOKEN)).connection();
      Connection moved =
          new Connection(
              c.id(), "github", "https://ghe.example.com/api/v3", "acme", c.credential());
      assertThatThrownBy(() -> s.save(moved, null))
          .isInstanceOf(UserError.class)
          .hasMessage(
              "The stored token is bound to api.github.com; paste a token for ghe.example.com.");
      Connection saved = s.save(moved, Secret.of(TOKEN)).connection();
      assertThat(s.list()).singleElement().isEqualTo(saved);
    }
  }

  @Test
  void removingAConnectionDeletesTheTokenTenetStoredForIt(@TempDir Path home) {
    MemoryKeychain keychain = new MemoryKeychain();
    try (AppContext context = Fixtures.context(home, keychain)) {
      ConnectionService s = context.connections();
      Connection c =
          s.save(new Connection(null, "github", "", "acme", null), Secret.of(TOKEN)).connection();
      s.remove(c.id());
      assertThat(s.list()).isEmpty();
      assertThat(keychain.holds("tenet-github-acme")).isFalse();
      assertThat(context.credentials().list()).isEmpty();
      assertThatThrownBy(() -> s.remove(c.id())).isInstanceOf(UserError.class);
    }
  }

  @Test
  void testsAndScansASavedConnectionWithItsStoredToken(@TempDir Path home) throws Exception {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain());
        GitHubEmulator gh = GitHubEmulator.start(SampleOrganization.demo(), TOKEN)) {
      ConnectionService s = context.connections();
      Connection c =
          s.save(
                  new Connection(null, "github", gh.apiUrl().toString(), "acme-corp", null),
                  Secret.of(TOKEN))
              .connection();
      ConnectionTester.Report r = s.test(c);
      assertThat(r.accepted()).isTrue();
      assertThat(r.identity()).isEqualTo(GitHubEmulator.SCANNER);
      ScanPlan plan = s.plan(List.of(c.id()), false);
      assertThat(plan.connections()).containsExactly(c.spec());
      var a =
          context
              .scans()
              .run(
                  plan,
                  dev.tenet.core.scan.ScanListener.NONE,
                  new dev.tenet.core.scan.Cancellation());
      assertThat(a.scope()).extracting(e -> e.target()).containsExactly("acme-corp");
    }
  }
}
