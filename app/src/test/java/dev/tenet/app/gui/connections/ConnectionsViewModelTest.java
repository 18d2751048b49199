package dev.tenet.app.gui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.app.AppContext;
import dev.tenet.app.gui.Fixtures;
import dev.tenet.app.gui.MemoryKeychain;
import dev.tenet.app.gui.common.UiExecutor;
import dev.tenet.app.gui.connections.ConnectionsViewModel.State;
import dev.tenet.connectors.emulator.GitHubEmulator;
import dev.tenet.connectors.emulator.SampleOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, testing, editing and removing a connection, without a window. */
class ConnectionsViewModelTest {
  static final String TOKEN = "ghp_ConnViewModelToken0123456789abcdefAB";

  @Test
  void aRegistryIsAddedByItsAddressAndReadWhenScanned(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionsViewModel vm =
          new ConnectionsViewModel(context.connections(), UiExecutor.direct(), Clock.systemUTC());
      vm.load();
      vm.startAdd();
      vm.platformProperty().set(dev.tenet.app.service.Connection.REGISTRY);
      assertThat(vm.baseUrlProperty().get()).as("no default registry").isEmpty();
      vm.baseUrlProperty().set("https://registry.acme.example/team");
      vm.userProperty().set("ci-reader");
      vm.saveAndTest("registry-vm-token-0123456789");
      assertThat(vm.editorMessageProperty().get()).isEmpty();
      assertThat(vm.editingProperty().get()).isFalse();
      var saved = vm.selectedProperty().get();
      assertThat(saved.label()).isEqualTo("Registry · registry.acme.example/team");
      assertThat(saved.user()).isEqualTo("ci-reader");
      assertThat(vm.resultProperty().get()).as("a registry is not tested apart").isNull();
      assertThat(vm.noticeProperty().get()).contains("choose it on the Scan screen");
      assertThat(ConnectionsViewModel.tokenPlace(saved)).isEqualTo("Token in the OS keychain");

      vm.startEdit(saved);
      assertThat(vm.userProperty().get()).isEqualTo("ci-reader");
      assertThat(vm.keepsTokenProperty().get()).isTrue();
    }
  }

  @Test
  void aClusterExportIsAddedFromAFolderAndEditedAsSuch(@TempDir Path home) throws Exception {
    Path folder = Files.createDirectory(home.resolve("cluster-export"));
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionsViewModel vm =
          new ConnectionsViewModel(context.connections(), UiExecutor.direct(), Clock.systemUTC());
      vm.load();
      vm.startAdd();
      vm.platformProperty().set("k8s");
      vm.fromFilesProperty().set(true);
      vm.pathProperty().set(folder.toString());
      vm.targetProperty().set("prod");
      vm.saveAndTest(null);
      assertThat(vm.editorMessageProperty().get()).isEmpty();
      var saved = vm.selectedProperty().get();
      assertThat(saved.platform()).isEqualTo("k8s-export");
      assertThat(saved.files()).containsExactly(folder.toString());
      assertThat(saved.label()).isEqualTo("Kubernetes · prod");
      assertThat(vm.noticeProperty().get()).contains("choose it on the Scan screen");

      vm.startEdit(saved);
      assertThat(vm.platformProperty().get()).isEqualTo("k8s");
      assertThat(vm.fromFilesProperty().get()).isTrue();
      assertThat(vm.pathProperty().get()).isEqualTo(folder.toString());
      vm.fromFilesProperty().set(false);
      vm.pathProperty().set(home.resolve("missing-kubeconfig").toString());
      vm.saveAndTest(null);
      assertThat(vm.editorMessageProperty().get()).startsWith("There is no file or folder");
    }
  }

  @Test
  void addTestEditAndRemove(@TempDir Path home) throws Exception {
    MemoryKeychain keychain = new MemoryKeychain();
    try (AppContext context = Fixtures.context(home, keychain);
        GitHubEmulator gh = GitHubEmulator.start(SampleOrganization.demo(), TOKEN)) {
      ConnectionsViewModel vm =
          new ConnectionsViewModel(context.connections(), UiExecutor.direct(), Clock.systemUTC());
      vm.load();
      assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);

      vm.startAdd();
      assertThat(vm.baseUrlProperty().get()).isEqualTo("https://api.github.com");
      vm.platformProperty().set("gitlab");
      assertThat(vm.baseUrlProperty().get()).isEqualTo("https://gitlab.com");
      vm.platformProperty().set("github");
      vm.baseUrlProperty().set(gh.apiUrl().toString());
      vm.targetProperty().set("acme-corp");
      vm.saveAndTest("");
      assertThat(vm.editorMessageProperty().get()).startsWith("Paste a read-only token for GitHub");
      assertThat(vm.editingProperty().get()).isTrue();

      vm.saveAndTest(TOKEN);
      assertThat(vm.editingProperty().get()).isFalse();
      assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
      assertThat(vm.connections()).hasSize(1);
      assertThat(vm.selectedProperty().get().target()).isEqualTo("acme-corp");
      ConnectionsViewModel.TestView r = vm.resultProperty().get();
      // The emulator's classic token has repo, which can write: accepted, with a warning.
      assertThat(r.ok()).isFalse();
      assertThat(r.verdict()).startsWith("The token can do more than read (repo)");
      assertThat(r.identity()).isEqualTo(GitHubEmulator.SCANNER + " · organization owner");
      assertThat(r.rate()).matches("[0-9,]+ of 5,000 requests left · refills in .*");
      assertThat(r.scopes()).isEqualTo("read:org, repo");
      assertThat(Files.readString(home.resolve("connections.json"))).doesNotContain(TOKEN);
      assertThat(ConnectionsViewModel.tokenPlace(vm.selectedProperty().get()))
          .isEqualTo("Token in the OS keychain");

      // Editing keeps the stored token when none is pasted.
      vm.startEdit(vm.selectedProperty().get());
      assertThat(vm.keepsTokenProperty().get()).isTrue();
      vm.saveAndTest(null);
      assertThat(vm.editorMessageProperty().get()).isEmpty();
      assertThat(vm.resultProperty().get().identity()).startsWith(GitHubEmulator.SCANNER);

      vm.askRemoval();
      assertThat(vm.confirmingRemovalProperty().get()).isTrue();
      vm.remove();
      assertThat(vm.connections()).isEmpty();
      assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
      assertThat(keychain.holds("tenet-github-acme-corp")).isFalse();
      assertThat(vm.noticeProperty().get()).contains("assessments stay");
    }
  }

  @Test
  void aTestThatCannotReachThePlatformSaysSoInOneSentence(@TempDir Path home) {
    try (AppContext context = Fixtures.context(home, new MemoryKeychain())) {
      ConnectionsViewModel vm =
          new ConnectionsViewModel(context.connections(), UiExecutor.direct(), Clock.systemUTC());
      vm.startAdd();
      vm.baseUrlProperty().set("http://127.0.0.1:9");
      vm.targetProperty().set("acme");
      vm.saveAndTest(TOKEN);
      ConnectionsViewModel.TestView r = vm.resultProperty().get();
      assertThat(r.ok()).isFalse();
      assertThat(r.verdict()).startsWith("Could not test the connection:");
      assertThat(r.verdict()).doesNotContain(TOKEN);
    }
  }
}
