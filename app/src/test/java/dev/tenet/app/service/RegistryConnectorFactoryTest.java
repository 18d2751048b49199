package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.registry.TagHistory;
import dev.tenet.connectors.registry.artifactory.ArtifactoryConnector;
import dev.tenet.connectors.registry.dockerhub.DockerHubConnector;
import dev.tenet.connectors.registry.ghcr.GhcrConnector;
import dev.tenet.connectors.registry.gitlab.GitLabRegistryConnector;
import dev.tenet.connectors.registry.oci.OciRegistryConnector;
import dev.tenet.core.scan.Connector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which registry connector a --registry URL builds, and what it needs from the environment. */
class RegistryConnectorFactoryTest {
  @TempDir Path cache;

  private Connector create(Map<String, String> env, String url, String kind, String user) {
    return new ConnectorFactory(new CacheFolders(cache), HttpPolicy.defaults(), env)
        .createRegistry(
            new RegistrySpec(url, kind, null, user), RegistrySettings.defaults(), TagHistory.NONE);
  }

  @Test
  void aNamedCredentialMustBeBoundToTheRegistryTheUserGave() {
    java.util.List<String> asked = new java.util.ArrayList<>();
    TokenSource tokens =
        (credential, target, platform) -> {
          asked.add(credential + " -> " + target.getHost());
          if (!target.getHost().equals("hub.docker.com")) {
            throw new UserError("The credential is bound to hub.docker.com.");
          }
          return dev.tenet.core.credentials.Secret.of("token-of-" + credential);
        };
    ConnectorFactory factory =
        new ConnectorFactory(new CacheFolders(cache), HttpPolicy::defaults, tokens, Map.of());

    factory.createRegistry(
        new RegistrySpec("https://hub.docker.com/acme", null, "keychain:hub", null),
        RegistrySettings.defaults(),
        TagHistory.NONE);
    assertThat(asked).containsExactly("keychain:hub -> hub.docker.com");

    assertThatThrownBy(
            () ->
                factory.createRegistry(
                    new RegistrySpec("https://ghcr.io/acme", null, "keychain:hub", null),
                    RegistrySettings.defaults(),
                    TagHistory.NONE))
        .hasMessageContaining("bound to hub.docker.com");
    assertThat(asked).containsExactly("keychain:hub -> hub.docker.com", "keychain:hub -> ghcr.io");
  }

  @Test
  void theKindComesFromTheUrl() {
    assertThat(ConnectorFactory.kindOf("https://hub.docker.com/orgs/acme")).isEqualTo("dockerhub");
    assertThat(ConnectorFactory.kindOf("https://docker.io/acme")).isEqualTo("dockerhub");
    assertThat(ConnectorFactory.kindOf("https://acme.jfrog.io")).isEqualTo("artifactory");
    assertThat(ConnectorFactory.kindOf("https://repo.acme.example/artifactory"))
        .isEqualTo("artifactory");
    assertThat(ConnectorFactory.kindOf("https://ghcr.io/acme-corp")).isEqualTo("ghcr");
    assertThat(ConnectorFactory.kindOf("https://registry.gitlab.com/acme/platform"))
        .isEqualTo("gitlab");
    assertThat(ConnectorFactory.kindOf("https://harbor.acme.example/payments")).isEqualTo("oci");
  }

  @Test
  void eachKindBuildsItsConnectorWithItsDefaultTokenVariable() {
    Map<String, String> env =
        Map.of(
            "DOCKERHUB_TOKEN", "dckr_pat_x",
            "ARTIFACTORY_TOKEN", "art-token",
            "GITHUB_TOKEN", "ghp_x",
            "GITLAB_TOKEN", "glpat-x");
    Connector hub = create(env, "https://hub.docker.com/u/acme", null, null);
    assertThat(hub).isInstanceOf(DockerHubConnector.class);
    assertThat(hub.scope().target()).isEqualTo("acme");
    assertThat(create(env, "https://acme.jfrog.io/artifactory", null, null))
        .isInstanceOf(ArtifactoryConnector.class)
        .extracting(c -> c.scope().target())
        .isEqualTo("acme.jfrog.io");
    assertThat(create(env, "https://ghcr.io/acme-corp", null, null))
        .isInstanceOf(GhcrConnector.class)
        .extracting(c -> c.scope().target())
        .isEqualTo("ghcr.io/acme-corp");
    Connector gitlab =
        create(env, "https://registry.gitlab.example.com/acme/platform", "gitlab", null);
    assertThat(gitlab).isInstanceOf(GitLabRegistryConnector.class);
    assertThat(gitlab.scope().target()).isEqualTo("registry.gitlab.example.com/acme/platform");
    // A plain OCI registry may be scanned anonymously.
    assertThat(create(Map.of(), "https://harbor.acme.example/payments", null, null))
        .isInstanceOf(OciRegistryConnector.class)
        .extracting(c -> c.scope().target())
        .isEqualTo("harbor.acme.example/payments");
  }

  @Test
  void missingTokensAndUsersAreOneSentenceNamingTheVariable() {
    assertThatThrownBy(() -> create(Map.of(), "https://hub.docker.com/acme", null, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("DOCKERHUB_TOKEN");
    assertThatThrownBy(() -> create(Map.of(), "https://ghcr.io/acme", null, null))
        .hasMessageContaining("GITHUB_TOKEN");
    assertThatThrownBy(
            () -> create(Map.of("REGISTRY_TOKEN", "t"), "https://harbor.acme.example", null, null))
        .hasMessageContaining("--registry-user");
    assertThatThrownBy(
            () -> create(Map.of("DOCKERHUB_TOKEN", "x"), "https://hub.docker.com/", null, null))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("namespace");
  }
}
