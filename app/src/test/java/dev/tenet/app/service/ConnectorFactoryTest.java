package dev.tenet.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.connectors.http.CacheFolders;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.scan.Connector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFactoryTest {
  @TempDir Path temp;

  private ConnectorFactory factory(Map<String, String> env) {
    return new ConnectorFactory(
        new CacheFolders(temp.resolve("cache")), HttpPolicy.defaults(), env);
  }

  private static ConnectionSpec github() {
    return new ConnectionSpec("github", GitHubConnector.DEFAULT_URL, "acme", "GITHUB_TOKEN");
  }

  private Path keyFile() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    Path pem = temp.resolve("app.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return pem;
  }

  @Test
  void aTokenInTheEnvironmentMakesAGitHubConnector() {
    Connector c = factory(Map.of("GITHUB_TOKEN", "ghp_abc")).create(github());
    assertThat(c.scope().target()).isEqualTo("acme");
  }

  @Test
  void aGitHubAppIsTakenFromItsIdAndKeyFile() throws Exception {
    Map<String, String> env =
        Map.of("GITHUB_APP_ID", "77100", "GITHUB_APP_PRIVATE_KEY_FILE", keyFile().toString());
    assertThat(factory(env).create(github()).scope().platform()).isEqualTo("github");
  }

  @Test
  void aBrokenAppKeyIsOneClearSentenceAndATokenWinsOverTheApp() throws Exception {
    Path bad = Files.writeString(temp.resolve("bad.pem"), "not a key");
    Map<String, String> app =
        Map.of("GITHUB_APP_ID", "77100", "GITHUB_APP_PRIVATE_KEY_FILE", bad.toString());
    assertThatThrownBy(() -> factory(app).create(github()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("not a PEM private key");
    Map<String, String> both =
        Map.of(
            "GITHUB_TOKEN", "ghp_abc",
            "GITHUB_APP_ID", "77100",
            "GITHUB_APP_PRIVATE_KEY_FILE", bad.toString());
    assertThat(factory(both).create(github())).isNotNull();
  }

  @Test
  void missingCredentialsSayWhatToSet() {
    assertThatThrownBy(() -> factory(Map.of()).create(github()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("GITHUB_TOKEN")
        .hasMessageContaining("GITHUB_APP_ID");
    assertThatThrownBy(() -> factory(Map.of("GITHUB_APP_ID", "77100")).create(github()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("GITHUB_APP_PRIVATE_KEY_FILE");
    assertThatThrownBy(
            () ->
                factory(
                        Map.of(
                            "GITHUB_APP_ID",
                            "77100",
                            "GITHUB_APP_PRIVATE_KEY_FILE",
                            temp.resolve("nope.pem").toString()))
                    .create(github()))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "Cannot read the GitHub App private key file named by GITHUB_APP_PRIVATE_KEY_FILE.");
  }
}
